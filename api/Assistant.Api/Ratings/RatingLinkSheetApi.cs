using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Ratings;

/// <summary>
/// A sheet of rating links for a round of service visits (one QR code per household or session), made in one
/// request and one commit instead of one request per visit.
/// </summary>
public static class RatingLinkSheetApi
{
    public const int MaxVisits = 500;

    public static IEndpointRouteBuilder MapRatingLinkSheetApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/contracts/{id}/rating-links/batch", Create).WithTags("Ratings")
            .RequireAuthorization(AuthSetup.StaffPolicy).Validated<CreateSheet>();
        return app;
    }

    public sealed record CreateSheet(IReadOnlyList<string?>? Visits, int? ValidDays) : IValidatable
    {
        public void Validate(ValidationErrors errors)
        {
            if (Visits is null || Visits.Count == 0) errors.Add("visits", "请列出本轮服务的批次（每户或每次服务一项），至少一项");
            else if (Visits.Count > MaxVisits) errors.Add("visits", $"一次最多生成 {MaxVisits} 个评价链接，请分批生成");
            else
            {
                var seen = new HashSet<string>();
                for (var i = 0; i < Visits.Count; i++)
                {
                    var visit = Visits[i]?.Trim();
                    if (string.IsNullOrEmpty(visit)) errors.Add($"visits[{i}]", "服务批次说明不能为空");
                    else if (visit.Length > 100) errors.Add($"visits[{i}]", "服务批次说明不能超过100个字");
                    else if (!seen.Add(visit)) errors.Add($"visits[{i}]", $"“{visit}”重复了：每个服务批次一个链接");
                }
            }
            if (ValidDays is < 1 or > 366) errors.Add("validDays", "有效天数应在 1 到 366 之间");
        }
    }

    public static async Task<Results<Created<List<RatingLinkForVisitDto>>, ProblemHttpResult>> Create(
        string id, CreateSheet request, ClaimsPrincipal user, HttpRequest http, IDocumentStore store, RatingTokens tokens,
        IOptions<RatingOptions> options, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var (contract, problem) = await RatingLinksApi.ContractOpenForRatingAsync(id, user, store, ct);
        if (contract is null) return problem!;
        var links = request.Visits!.Select(v => RatingLinksApi.NewLink(contract, v, request.ValidDays, user, options.Value, clock)).ToList();
        await store.Collection<RatingLink>().InsertManyWithAsync(links, links.Select(l => RatingLinksApi.CreatedEvent(l, user, audit)).ToList(), ct);
        return TypedResults.Created($"/api/contracts/{contract.Id}/rating-links", links.Select(link =>
        {
            var token = tokens.Issue(new RatingTokenPayload(link.Id, link.ContractId, link.Visit, link.ExpiresAt));
            return new RatingLinkForVisitDto(link.Visit!, token, RatingLinksApi.PageUrl(http, options.Value, token), link.ExpiresAt);
        }).ToList());
    }
}
