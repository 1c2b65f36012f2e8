using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Bot.Flows;

/// <summary>Project queries the API has no direct filter for, done over the public list.</summary>
public sealed class ProjectQueries(IAssistantApi api)
{
    public async Task<IReadOnlyList<ProjectSummaryDto>> DueOnAsync(DateOnly day, CancellationToken ct)
    {
        var open = new List<ProjectSummaryDto>();
        foreach (var status in new[] { ProjectStatus.Published, ProjectStatus.Bidding })
            open.AddRange((await api.GetProjectsAsync(status: status, take: 100, ct: ct)).Items);
        return open.Where(p => p.BidDeadline is { } d && DateOnly.FromDateTime(ChinaTime.From(d)) == day).ToList();
    }
}
