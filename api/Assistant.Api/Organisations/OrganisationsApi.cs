using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Blacklist;
using Assistant.Api.Catalogue;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Assistant.Api.Organisations;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisations").WithTags("Organisations");
        group.MapPost("/", Register).AllowAnonymous();
        group.MapGet("/", List).RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/{id}", Get).RequireAuthorization();
        group.MapPost("/{id}/verify", OrganisationDecisions.Verify).RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapPost("/{id}/reject", OrganisationDecisions.Reject).RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapPost("/{id}/outcome-notice", OrganisationDecisions.TakeNotice).AllowAnonymous();
        group.MapGet("/{id}/eligible-projects", EligibilityApi.Get).RequireAuthorization();
        group.MapGet("/{id}/credit-record", CreditRecordApi.Get).RequireAuthorization();
        return app;
    }

    /// <summary>Registers a provider as pending. The same credit code (any case, spacing or width) is refused with 409; a blacklisted one with 403.</summary>
    public static async Task<Results<Created<RegistrationResultDto>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterOrganisationRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit,
        IPasswordHasher<User> hasher, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (request is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["请求内容为空或格式不正确"] });
        var catalogue = (await CatalogueApi.InForceAsync(store, now.Year, ct)).Select(i => i.Code).ToHashSet();
        var errors = RegistrationRules.Validate(request, catalogue, now);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var code = CreditCode.Normalize(request.CreditCode);
        if (await BlacklistChecks.InForceForCreditCodeAsync(store, code, now, ct) is { } banned)
            return Problems.Forbidden("不能注册", BlacklistChecks.Explain(banned));
        var organisations = store.Collection<Organisation>();
        if ((await organisations.CountAsync(o => o.CreditCode == code, ct)) > 0)
            return DuplicateCode();
        var username = request.Username?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(username) && await store.Collection<User>().GetAsync(username, ct) is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Username"] = ["该用户名已被使用，请换一个"] });

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var organisation = new Organisation
        {
            Id = $"org-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}",
            Name = request.Name!.Trim(),
            CreditCode = code,
            Kind = request.Kind!.Value,
            LegalRepresentative = request.LegalRepresentative!.Trim(),
            ContactMobile = RegistrationRules.NormaliseMobile(request.ContactMobile),
            ServiceCategories = request.ServiceCategories!.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList(),
            Regions = request.Regions!.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct().ToList(),
            Qualifications = request.Qualifications?.Where(q => !string.IsNullOrWhiteSpace(q)).Select(q => q.Trim()).Distinct().ToList() ?? [],
            EstablishedOn = DateTime.SpecifyKind(request.EstablishedOn!.Value.Date, DateTimeKind.Utc),
            Status = OrganisationStatus.Pending,
            RegisteredAt = now,
            OutcomeNotified = true,
            RegistrationKeyHash = HashKey(key),
        };
        try
        {
            await organisations.InsertAsync(organisation, ct);
        }
        catch (DuplicateKeyException)
        {
            return DuplicateCode();
        }
        if (!string.IsNullOrEmpty(username))
        {
            var account = new User { Id = username, DisplayName = organisation.Name, PasswordHash = "", Roles = [Roles.Organisation], OrganisationId = organisation.Id };
            account.PasswordHash = hasher.HashPassword(account, request.Password!);
            try { await store.Collection<User>().InsertAsync(account, ct); }
            catch (DuplicateKeyException) { username = null; }
        }
        await audit.RecordAsync(user.Actor(), "organisation.registered", "organisation", organisation.Id, details: $"{organisation.Name} {code}", ct: ct);
        var message = $"已收到“{organisation.Name}”的注册申请，工作人员审核后会通知您审核结果。" +
                      (username is null && !string.IsNullOrEmpty(request.Username) ? "（用户名已被他人占用，账号未创建，请联系工作人员）" : "");
        return TypedResults.Created($"/api/organisations/{organisation.Id}",
            new RegistrationResultDto(organisation.AsDto(), key, username, message));
    }

    public static async Task<Results<Ok<PageDto<OrganisationDto>>, ValidationProblem>> List(
        IDocumentStore store, CancellationToken ct, OrganisationStatus? status = null, int skip = 0, int take = 50)
    {
        if (skip < 0 || take is < 1 or > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["skip 不能为负数，take 应在 1 到 200 之间"] });
        var page = status is { } s
            ? await store.Collection<Organisation>().PageAsync(o => o.Status == s, o => o.RegisteredAt, skip, take, descending: true, ct)
            : await store.Collection<Organisation>().PageAsync(o => true, o => o.RegisteredAt, skip, take, descending: true, ct);
        return TypedResults.Ok(new PageDto<OrganisationDto>(page.Items.Select(o => o.AsDto()).ToList(), page.Total, skip, take));
    }

    public static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> Get(string id, IDocumentStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        id = OrganisationAccess.NormaliseId(id);
        if (!user.CanRead(id)) return Problems.Forbidden("无权查看该机构", "机构用户只能查看本机构的信息");
        var organisation = await store.Collection<Organisation>().GetAsync(id, ct);
        return organisation is null ? Problems.NotFound("机构不存在", $"没有编号为 {id} 的机构") : TypedResults.Ok(organisation.AsDto());
    }

    internal static string HashKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ProblemHttpResult DuplicateCode() =>
        Problems.Conflict("该统一社会信用代码已注册", "同一统一社会信用代码只能注册一次；如需修改信息或找回账号，请联系工作人员");
}
