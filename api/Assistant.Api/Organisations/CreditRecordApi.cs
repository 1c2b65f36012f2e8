using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Bids;
using Assistant.Api.Blacklist;
using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Infrastructure;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Organisations;

public static class CreditRecordApi
{
    /// <summary>
    /// 信用记录 for the organisation itself and for staff. Staff see a bid only once that project's bidding has closed
    /// (sealed bids: not even who bid), and never its price here.
    /// </summary>
    public static async Task<Results<Ok<CreditRecordDto>, ProblemHttpResult>> Get(
        string id, IDocumentStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        id = OrganisationAccess.NormaliseId(id);
        if (!user.CanRead(id)) return Problems.Forbidden("无权查看", "机构用户只能查看本机构的信用记录");
        var organisation = await store.Collection<Organisation>().GetAsync(id, ct);
        if (organisation is null) return Problems.NotFound("机构不存在", $"没有编号为 {id} 的机构");
        var now = clock.GetUtcNow().UtcDateTime;
        var own = user.ActsFor(id);

        var projects = new Dictionary<string, Project?>();
        async Task<Project?> ProjectAsync(string projectId) =>
            projects.TryGetValue(projectId, out var p) ? p : projects[projectId] = await store.Collection<Project>().GetAsync(projectId, ct);

        var bids = new List<CreditBidDto>();
        foreach (var bid in await store.Collection<Bid>().FindAsync(b => b.OrganisationId == id, orderBy: b => b.SubmittedAt, descending: true, ct: ct))
        {
            var project = await ProjectAsync(bid.ProjectId);
            if (project is null || (!own && !ProcurementRules.BidsUnsealed(project))) continue;
            bids.Add(new CreditBidDto(bid.ProjectId, project.Name, bid.SubmittedAt, bid.Awarded, bid.EvaluationScore));
        }
        var awards = new List<CreditAwardDto>();
        foreach (var contract in await store.Collection<Contract>().FindAsync(c => c.OrganisationId == id, orderBy: c => c.SignedAt, descending: true, ct: ct))
        {
            var project = await ProjectAsync(contract.ProjectId);
            awards.Add(new CreditAwardDto(contract.ProjectId, project?.Name ?? contract.ProjectId, contract.Id, contract.Amount, project?.AwardedAt));
        }
        var evaluations = (await store.Collection<Evaluation>().FindAsync(e => e.OrganisationId == id, ct: ct))
            .Where(e => e.Published || own || user.IsStaff())
            .Select(e => new CreditEvaluationDto(e.ProjectId, e.Period, e.CompositeScore, e.Grade?.ToString(), e.PublishedAt)).ToList();
        var ratings = (await store.Collection<Rating>().FindAsync(r => r.OrganisationId == id, ct: ct)).Where(r => !r.Voided).ToList();
        var sanctions = (await store.Collection<BlacklistEntry>().FindAsync(b => b.OrganisationId == id, orderBy: b => b.From, descending: true, ct: ct))
            .Select(b => b.AsDto(organisation.Name, now)).ToList();
        return TypedResults.Ok(new CreditRecordDto(id, organisation.Name, organisation.Status, bids, awards, evaluations,
            ratings.Count, ratings.Count == 0 ? null : Math.Round((decimal)ratings.Average(r => r.Score), 2), sanctions));
    }
}
