using Assistant.Api.Audit;
using Assistant.Api.Projects;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Scheduling;

/// <summary>One pass of the deadline job: every project still 投标中 whose deadline has passed (by the injected clock) moves to 评标中.</summary>
public sealed class BidDeadlineCloser(IDocumentStore store, AuditLog audit, TimeProvider clock, ILogger<BidDeadlineCloser> logger)
{
    public const string Actor = "system:bid-deadline";

    /// <summary>Returns the ids of the projects it closed. A project changed concurrently is left for the next pass.</summary>
    public async Task<IReadOnlyList<string>> CloseDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var projects = store.Collection<Project>();
        var due = await projects.FindAsync(p => p.Status == ProjectStatus.Bidding && p.BidDeadline <= now, ct: ct);
        var closed = new List<string>();
        foreach (var project in due)
        {
            if (!ProjectLifecycle.TryMove(project, ProjectStatus.EvaluatingBids, Actor, now, "投标截止（系统自动）", out var error))
            {
                logger.LogWarning("Could not close bidding on {Project}: {Error}", project.Id, error);
                continue;
            }
            if (!await projects.ReplaceAsync(project, ct)) continue;
            await audit.RecordAsync(Actor, "project.transition", "project", project.Id, project.Id, "投标截止（系统自动）",
                $"{ProjectStatus.Bidding} → {ProjectStatus.EvaluatingBids}", ct);
            closed.Add(project.Id);
        }
        if (closed.Count > 0) logger.LogInformation("Bidding closed at the deadline: {Projects}", string.Join(", ", closed));
        return closed;
    }
}
