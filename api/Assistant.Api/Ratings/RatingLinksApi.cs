using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Contracting;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Assistant.Api.Ratings;

public static class RatingLinksApi
{
    public static IEndpointRouteBuilder MapRatingLinksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/contracts/{id}/rating-links", Create).WithTags("Ratings")
            .RequireAuthorization(AuthSetup.StaffPolicy).Validated<CreateLink>();
        app.MapGet("/api/contracts/{id}/rating-links", List).WithTags("Ratings").RequireAuthorization(AuthSetup.StaffPolicy);
        app.MapPost("/api/rating-links/{linkId}/revoke", Revoke).WithTags("Ratings").RequireAuthorization(AuthSetup.StaffPolicy);
        app.MapGet("/api/ratings/links/{token}", Get).WithTags("Ratings").AllowAnonymous();
        app.MapGet("/api/ratings/links/{token}/qr.png", QrPng).WithTags("Ratings").AllowAnonymous();
        app.MapGet("/api/ratings/links/{token}/qr.svg", QrSvg).WithTags("Ratings").AllowAnonymous();
        return app;
    }

    public sealed record CreateLink(string? Visit, int? ValidDays) : IValidatable
    {
        public void Validate(ValidationErrors errors)
        {
            if (Visit is { Length: > 100 }) errors.Add("visit", "服务批次说明不能超过100个字");
            if (ValidDays is < 1 or > 366) errors.Add("validDays", "有效天数应在 1 到 366 之间");
        }
    }

    /// <summary>Staff make a link (and its QR code) for recipients of one contract, optionally for one service visit.</summary>
    public static async Task<Results<Created<RatingLinkDto>, ProblemHttpResult>> Create(
        string id, CreateLink request, ClaimsPrincipal user, HttpRequest http, IDocumentStore store, RatingTokens tokens,
        IOptions<RatingOptions> options, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (contract, problem) = await ContractOpenForRatingAsync(id, user, store, ct);
        if (contract is null) return problem!;
        var link = NewLink(contract, request.Visit, request.ValidDays, user, options.Value, clock);
        await store.Collection<RatingLink>().InsertWithAsync(link, CreatedEvent(link, user, audit), ct);
        var token = tokens.Issue(new RatingTokenPayload(link.Id, link.ContractId, link.Visit, link.ExpiresAt));
        return TypedResults.Created($"/api/ratings/links/{token}", new RatingLinkDto(token, PageUrl(http, options.Value, token), link.ExpiresAt));
    }

    /// <summary>The contract when the caller's department holds it and it is in service; else the problem to answer.</summary>
    public static async Task<(Contract? Contract, ProblemHttpResult? Problem)> ContractOpenForRatingAsync(
        string id, ClaimsPrincipal user, IDocumentStore store, CancellationToken ct)
    {
        var contract = await store.Collection<Contract>().GetAsync(id.Trim(), ct);
        if (contract is null || !user.CanManageDepartment(contract.Department))
            return (null, Problems.NotFound("合同不存在", $"没有编号为 {id} 的本部门合同"));
        var project = await store.Collection<Project>().GetAsync(contract.ProjectId, ct);
        if (project?.Status is not (ProjectStatus.Contracted or ProjectStatus.InService))
            return (null, Problems.Unprocessable("当前不能发放评价链接", $"项目“{project?.Name}”当前为“{project?.Status.Label()}”，只有签订合同后、服务期内才能请服务对象评价"));
        return (contract, null);
    }

    public static RatingLink NewLink(Contract contract, string? visit, int? validDays, ClaimsPrincipal user, RatingOptions options, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = Math.Min(validDays ?? options.LinkValidDays, options.MaxLinkValidDays);
        return new RatingLink
        {
            Id = Guid.CreateVersion7().ToString("N"), ContractId = contract.Id, ProjectId = contract.ProjectId,
            OrganisationId = contract.OrganisationId, Department = contract.Department,
            Visit = string.IsNullOrWhiteSpace(visit) ? null : visit.Trim(),
            CreatedAt = now, CreatedBy = user.Actor(), ExpiresAt = now.AddDays(days),
        };
    }

    public static AuditEvent CreatedEvent(RatingLink link, ClaimsPrincipal user, AuditLog audit) =>
        audit.Event(user.Actor(), "rating-link.created", "rating-link", link.Id, link.ProjectId,
            details: $"contract={link.ContractId}; visit={link.Visit}; expires={link.ExpiresAt:O}");

    public static async Task<Results<Ok<List<RatingLinkSummaryDto>>, ProblemHttpResult>> List(
        string id, ClaimsPrincipal user, IDocumentStore store, CancellationToken ct)
    {
        var contract = await store.Collection<Contract>().GetAsync(id.Trim(), ct);
        if (contract is null || !user.CanManageDepartment(contract.Department))
            return Problems.NotFound("合同不存在", $"没有编号为 {id} 的本部门合同");
        var links = await store.Collection<RatingLink>().FindAsync(l => l.ContractId == contract.Id, l => l.CreatedAt, descending: true, ct: ct);
        var contractId = contract.Id;
        var rated = (await store.Collection<Rating>().FindAsync(r => r.ContractId == contractId, ct: ct)).Select(r => r.LinkVisitKey).ToHashSet();
        return TypedResults.Ok(links.Select(l => new RatingLinkSummaryDto(l.Id, l.ContractId, l.Visit, l.CreatedAt, l.ExpiresAt,
            l.RevokedAt is not null, rated.Contains(l.RatingKey))).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string linkId, ClaimsPrincipal user, IDocumentStore store, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var link = await store.Collection<RatingLink>().GetAsync(linkId, ct);
        if (link is null || !user.CanManageDepartment(link.Department)) return Problems.NotFound("评价链接不存在");
        if (link.RevokedAt is not null) return TypedResults.NoContent();
        link.RevokedAt = clock.GetUtcNow().UtcDateTime;
        link.RevokedBy = user.Actor();
        if (!await store.Collection<RatingLink>().ReplaceAsync(link, ct)) return Problems.Conflict("评价链接已被他人修改，请重试");
        await audit.RecordAsync(user.Actor(), "rating-link.revoked", "rating-link", link.Id, link.ProjectId, ct: ct);
        return TypedResults.NoContent();
    }

    /// <summary>What the rating page shows: the service and provider, the questions, and whether it was already rated.</summary>
    public static async Task<Results<Ok<RatingLinkInfoDto>, ProblemHttpResult>> Get(
        string token, IDocumentStore store, RatingTokens tokens, IOptions<RatingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (resolved, problem) = await RatingLinkResolver.ResolveAsync(token, tokens, store, clock.GetUtcNow().UtcDateTime, ct);
        if (resolved is null) return problem!;
        var key = resolved.Link.RatingKey;
        var rating = (await store.Collection<Rating>().FindAsync(r => r.LinkVisitKey == key, take: 1, ct: ct)).FirstOrDefault();
        RectificationForRecipientDto? fix = null;
        if (rating?.RectificationCaseId is { } caseId && await store.Collection<RectificationCase>().GetAsync(caseId, ct) is { } rc)
            fix = new RectificationForRecipientDto(rc.Id, rc.Status.ToString(), rc.ProviderResponse, rc.FixRatingId is not null);
        var (link, contract, project, service) = resolved;
        var provider = await store.Collection<Organisation>().GetAsync(contract.OrganisationId, ct);
        return TypedResults.Ok(new RatingLinkInfoDto(link.ContractId, project.Name, provider?.Name ?? "",
            service?.Name ?? project.Category, service?.Subcategory ?? project.Category, resolved.Dimensions,
            link.Visit, link.ExpiresAt, rating is not null, options.Value.RectificationWorkingDays, fix));
    }

    public static async Task<IResult> QrPng(string token, HttpRequest http, IDocumentStore store, RatingTokens tokens,
        IOptions<RatingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (resolved, problem) = await RatingLinkResolver.ResolveAsync(token, tokens, store, clock.GetUtcNow().UtcDateTime, ct);
        if (resolved is null) return problem!;
        using var data = QRCodeGenerator.GenerateQrCode(PageUrl(http, options.Value, token), QRCodeGenerator.ECCLevel.M);
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(10), "image/png", "rating-qr.png");
    }

    public static async Task<IResult> QrSvg(string token, HttpRequest http, IDocumentStore store, RatingTokens tokens,
        IOptions<RatingOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (resolved, problem) = await RatingLinkResolver.ResolveAsync(token, tokens, store, clock.GetUtcNow().UtcDateTime, ct);
        if (resolved is null) return problem!;
        using var data = QRCodeGenerator.GenerateQrCode(PageUrl(http, options.Value, token), QRCodeGenerator.ECCLevel.M);
        return TypedResults.Text(new SvgQRCode(data).GetGraphic(10), "image/svg+xml");
    }

    /// <summary>The absolute address the QR code encodes: the configured public base, else the one the request came in on.</summary>
    public static string PageUrl(HttpRequest http, RatingOptions options, string token)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{http.Scheme}://{http.Host}{http.PathBase}" : options.PublicBaseUrl.TrimEnd('/');
        return $"{baseUrl}/rating.html?t={Uri.EscapeDataString(token)}";
    }
}
