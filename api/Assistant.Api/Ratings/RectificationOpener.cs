using Assistant.Api.Audit;
using Assistant.Platform.Storage;

namespace Assistant.Api.Ratings;

/// <summary>The 差评 → 整改 side effects of a stored rating; safe to run again (a replay finishes what a crash left).</summary>
public static class RectificationOpener
{
    public static async Task EnsureOpenedAsync(Rating rating, IDocumentStore store, AuditLog? audit, CancellationToken ct)
    {
        if (rating.RectificationCaseId is null || rating.RectificationDueAt is null) return;
        var cases = store.Collection<RectificationCase>();
        if (await cases.GetAsync(rating.RectificationCaseId, ct) is not null) return;
        try
        {
            await cases.InsertAsync(new RectificationCase
            {
                Id = rating.RectificationCaseId, RatingId = rating.Id, ContractId = rating.ContractId, ProjectId = rating.ProjectId,
                OrganisationId = rating.OrganisationId, OpenedAt = rating.SubmittedAt, DueAt = rating.RectificationDueAt.Value,
                Status = RectificationStatus.Open,
            }, ct);
        }
        catch (DuplicateKeyException)
        {
            return; // opened by a concurrent replay of the same submission
        }
        if (audit is not null)
            await audit.RecordAsync("system", "rectification.opened", "rectification", rating.RectificationCaseId, rating.ProjectId,
                reason: $"服务对象评价为“{Rating.LevelLabel(rating.Score)}”", details: $"rating={rating.Id}; due={rating.RectificationDueAt:O}", ct: ct);
    }

    public static async Task RecordFixRatingAsync(string caseId, Rating fixRating, IDocumentStore store, AuditLog audit, CancellationToken ct)
    {
        var cases = store.Collection<RectificationCase>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var rc = await cases.GetAsync(caseId, ct);
            if (rc is null) return;
            rc.FixRatingId = fixRating.Id;
            rc.FixScore = fixRating.Score;
            if (await cases.ReplaceAsync(rc, ct)) break;
        }
        await audit.RecordAsync("recipient", "rectification.fix-rated", "rectification", caseId, fixRating.ProjectId,
            details: $"score={fixRating.Score}; rating={fixRating.Id}", ct: ct);
    }
}
