using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Contracting;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Ratings;

/// <summary>Appeal review (voiding with a recorded reason; nothing is deleted) and the public monthly trend.</summary>
public static class RatingReviewApi
{
    public static IEndpointRouteBuilder MapRatingReviewApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ratings/{id}/void", Void).WithTags("Ratings")
            .RequireAuthorization(AuthSetup.StaffPolicy).Validated<VoidRating>();
        app.MapGet("/api/providers/{organisationId}/rating-trend", Trend).WithTags("Ratings").AllowAnonymous();
        return app;
    }

    public sealed record VoidRating(string? Reason) : IValidatable
    {
        public void Validate(ValidationErrors errors) => errors.Require("reason", Reason, "作废理由", 500);
    }

    /// <summary>
    /// A malicious or mistaken rating stops counting, but stays stored with who voided it and why. An open 整改 case it
    /// opened is closed with the same reason, so the provider is not held to a complaint found to be unfounded.
    /// </summary>
    public static async Task<Results<Ok<RatingVoidedDto>, ProblemHttpResult>> Void(
        string id, VoidRating request, ClaimsPrincipal user, IDocumentStore store, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var ratings = store.Collection<Rating>();
        var rating = await ratings.GetAsync(id, ct);
        var contract = rating is null ? null : await store.Collection<Contract>().GetAsync(rating.ContractId, ct);
        if (rating is null || contract is null || !user.CanManageDepartment(contract.Department))
            return Problems.NotFound("评价不存在", $"本部门没有编号为 {id} 的评价");
        if (rating.Voided) return Problems.Conflict("评价已作废", $"该评价已于 {rating.VoidedAt:yyyy-MM-dd} 作废：{rating.VoidReason}");
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = request.Reason!.Trim();
        rating.Voided = true;
        rating.VoidReason = reason;
        rating.VoidedBy = user.Actor();
        rating.VoidedAt = now;
        if (!await ratings.ReplaceAsync(rating, ct)) return Problems.Conflict("评价已被他人修改，请刷新后重试");
        await audit.RecordAsync(user.Actor(), "rating.voided", "rating", rating.Id, rating.ProjectId, reason: reason,
            details: $"score={rating.Score}; contract={rating.ContractId}", ct: ct);

        if (rating.RectificationCaseId is { } caseId && await store.Collection<RectificationCase>().GetAsync(caseId, ct) is { } rc
            && rc.Status != RectificationStatus.Closed)
        {
            rc.Status = RectificationStatus.Closed;
            rc.ClosedAt = now;
            rc.ClosedBy = user.Actor();
            rc.StaffFollowUp = $"所涉评价已作废：{reason}";
            rc.FollowUps.Add($"{now:yyyy-MM-dd HH:mm} {user.Actor()}：{rc.StaffFollowUp}");
            if (await store.Collection<RectificationCase>().ReplaceAsync(rc, ct))
                await audit.RecordAsync(user.Actor(), "rectification.closed", "rectification", rc.Id, rc.ProjectId, reason: rc.StaffFollowUp, ct: ct);
        }
        return TypedResults.Ok(new RatingVoidedDto(rating.Id, true, reason, now));
    }

    /// <summary>Monthly average and count of the provider's counted ratings (voided ones excluded), oldest month first.</summary>
    public static async Task<Results<Ok<RatingTrendDto>, ProblemHttpResult>> Trend(string organisationId, IDocumentStore store, CancellationToken ct)
    {
        var provider = await store.Collection<Organisation>().GetAsync(organisationId, ct);
        if (provider is null) return Problems.NotFound("承接主体不存在");
        var ratings = await store.Collection<Rating>().FindAsync(r => r.OrganisationId == organisationId && !r.Voided, ct: ct);
        var months = ratings.GroupBy(r => r.SubmittedAt.ToString("yyyy-MM")).OrderBy(g => g.Key)
            .Select(g => new RatingTrendPointDto(g.Key, Math.Round((decimal)g.Average(r => r.Score), 2), g.Count())).ToList();
        return TypedResults.Ok(new RatingTrendDto(provider.Id, provider.Name, months));
    }
}
