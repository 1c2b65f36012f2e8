using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Disclosure;

/// <summary>
/// "From whom, for how much, and how well it went" for one project (journeys: the public and auditors): the award
/// (provider, credit code, contract amount and period) and the evaluations finance has published. Unpublished
/// evaluations and the losing bids stay private.
/// </summary>
public static class ProjectResults
{
    public static async Task<Results<Ok<ProjectResultsDto>, ProblemHttpResult>> Get(string id, IDocumentStore store, CancellationToken ct)
    {
        var project = await store.Collection<Project>().GetAsync(id, ct);
        // A draft is not disclosed: to the public it does not exist yet.
        if (project is null || project.Status == ProjectStatus.Draft) return Problems.NotFound("项目不存在", $"没有编号为 {id} 的公开项目");
        PublishedAwardDto? award = null;
        // Projects imported from before the award step recorded AwardedAt carry the date in their history only.
        var awardedAt = project.AwardedAt ?? project.History.LastOrDefault(h => h.To == ProjectStatus.Awarded)?.At;
        if (awardedAt is not null && project.AwardedOrganisationId is { } winnerId)
        {
            var provider = await store.Collection<Organisation>().GetAsync(winnerId, ct);
            // A re-award leaves the earlier contract behind: the one signed last is the one in force.
            var contract = (await store.Collection<Contract>().FindAsync(c => c.ProjectId == project.Id, ct: ct))
                .Where(c => c.OrganisationId == winnerId).MaxBy(c => c.SignedAt);
            award = new PublishedAwardDto(winnerId, provider?.Name ?? winnerId, provider?.CreditCode, awardedAt.Value,
                contract?.Amount, contract?.PeriodStart, contract?.PeriodEnd);
        }
        var evaluations = (await store.Collection<Evaluation>().FindAsync(e => e.ProjectId == project.Id && e.Published, ct: ct))
            .OrderBy(e => e.Period).ToList();
        var names = new Dictionary<string, string>();
        foreach (var organisationId in evaluations.Select(e => e.OrganisationId).Distinct())
            names[organisationId] = (await store.Collection<Organisation>().GetAsync(organisationId, ct))?.Name ?? organisationId;
        return TypedResults.Ok(new ProjectResultsDto(project.Id, award,
            evaluations.Select(e => e.AsDisclosed(project.Name, project.Department, names[e.OrganisationId])).ToList()));
    }
}
