using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Ratings;

public static class RatingsApi
{
    public static IEndpointRouteBuilder MapRatingsSubmission(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ratings", Submit).WithTags("Ratings").AllowAnonymous().Validated<SubmitRating>();
        return app;
    }

    /// <summary>
    /// A recipient's rating through their link. The idempotency key is the rating's id: a replay (even concurrent)
    /// clashes on insert, finds the stored rating and gets the same answer with 200; the unique link/visit key refuses a
    /// second rating (409). No read before the insert: new keys are the common case, and the clash tells us the rest.
    /// </summary>
    public static async Task<Results<Created<RatingSubmittedDto>, Ok<RatingSubmittedDto>, ValidationProblem, ProblemHttpResult>> Submit(
        SubmitRating request, HttpRequest http, IDocumentStore store, RatingTokens tokens, IOptions<RatingOptions> options,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ratings = store.Collection<Rating>();
        var (resolved, problem) = await RatingLinkResolver.ResolveAsync(request.Token, tokens, store, now, ct);
        if (resolved is null) return problem!;

        var key = resolved.Link.RatingKey;
        RectificationCase? fixOf = null;
        if (!string.IsNullOrWhiteSpace(request.RectificationCaseId))
        {
            fixOf = await store.Collection<RectificationCase>().GetAsync(request.RectificationCaseId, ct);
            var complaint = fixOf is null ? null : await ratings.GetAsync(fixOf.RatingId, ct);
            if (fixOf is null || complaint?.LinkVisitKey != key)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rectificationCaseId"] = ["只能评价通过本链接反映的问题的整改情况"] });
            if (fixOf.Status == RectificationStatus.Open)
                return Problems.Unprocessable("承接主体尚未答复整改", "请在承接主体答复后再评价整改情况");
            key = Rating.FixKeyFor(key, fixOf.Id);
        }

        var unknown = (request.Dimensions ?? []).Keys.Where(d => !resolved.Dimensions.Contains(d)).ToList();
        if (unknown.Count > 0)
            return TypedResults.ValidationProblem(unknown.ToDictionary(d => $"dimensions.{d}",
                d => new[] { $"本服务没有“{d}”这一评价项，可评价：{string.Join("、", resolved.Dimensions)}" }));

        var rating = new Rating
        {
            Id = request.IdempotencyKey!, ContractId = resolved.Contract.Id, ProjectId = resolved.Project.Id,
            OrganisationId = resolved.Contract.OrganisationId, LinkVisitKey = key, Score = request.Score,
            Dimensions = request.Dimensions ?? [], Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            Channel = http.HttpContext.User.ViaBot() || http.Headers["X-Rating-Channel"] == "chat" ? "chat" : "link", SubmittedAt = now,
            RatesRectificationCaseId = fixOf?.Id,
        };
        if (rating.OpensRectification)
        {
            rating.RectificationCaseId = $"ZG-{Guid.CreateVersion7():N}";
            rating.RectificationDueAt = WorkingDays.From(options.Value).AddWorkingDays(now, options.Value.RectificationWorkingDays);
        }
        try
        {
            // The rating and its audit event in one commit: half the waits of two, and never one without the other.
            await ratings.InsertWithAsync(rating, audit.Event("recipient", "rating.submitted", "rating", rating.Id, rating.ProjectId,
                details: $"score={rating.Score}; channel={rating.Channel}; contract={rating.ContractId}"), ct);
        }
        catch (DuplicateKeyException)
        {
            // Lost a race: either the same key (a concurrent retry: answer as the winner did) or this link was rated under another key.
            var winner = await ratings.GetAsync(request.IdempotencyKey!, ct);
            if (winner is not null) return await ReplayAsync(winner, key, store, audit, ct);
            return AlreadyRated();
        }
        if (rating.OpensRectification) await RectificationOpener.EnsureOpenedAsync(rating, store, audit, ct);
        if (fixOf is not null) await RectificationOpener.RecordFixRatingAsync(fixOf.Id, rating, store, audit, ct);
        return TypedResults.Created($"/api/ratings/{rating.Id}", Answer(rating));
    }

    private static async Task<Results<Created<RatingSubmittedDto>, Ok<RatingSubmittedDto>, ValidationProblem, ProblemHttpResult>> ReplayAsync(
        Rating stored, string expectedKey, IDocumentStore store, AuditLog audit, CancellationToken ct)
    {
        if (stored.LinkVisitKey != expectedKey)
            return Problems.Conflict("幂等键已被使用", "该 idempotencyKey 已用于另一条评价，请为新的评价生成新的键");
        // The first request may have stopped between storing the rating and opening its case: finish its work.
        if (stored.OpensRectification) await RectificationOpener.EnsureOpenedAsync(stored, store, audit, ct);
        return TypedResults.Ok(Answer(stored));
    }

    private static ProblemHttpResult AlreadyRated() =>
        Problems.Conflict("已经评价过了", "每个评价链接（每次服务）只能评价一次，感谢您的反馈");

    public static RatingSubmittedDto Answer(Rating r) => new(r.Id, r.Score, r.RectificationCaseId, r.RectificationDueAt);
}
