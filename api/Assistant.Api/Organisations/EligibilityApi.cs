using System.Security.Claims;
using Assistant.Api.Blacklist;
using Assistant.Api.Infrastructure;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Organisations;

public static class EligibilityApi
{
    /// <summary>
    /// Open projects (published or bidding, deadline not passed) split into those the organisation may bid for, with why
    /// they fit, and the rest, with why not. An unverified or blacklisted organisation gets no eligible projects and the reason.
    /// </summary>
    public static async Task<Results<Ok<EligibilityResultDto>, ValidationProblem, ProblemHttpResult>> Get(
        string id, IDocumentStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct,
        decimal? minBudget = null, decimal? maxBudget = null, DateTime? deadlineFrom = null, DateTime? deadlineTo = null)
    {
        id = OrganisationAccess.NormaliseId(id);
        if (!user.CanRead(id)) return Problems.Forbidden("无权查看", "机构用户只能查看本机构的适合项目");
        if (minBudget < 0 || maxBudget < 0 || minBudget > maxBudget || deadlineFrom > deadlineTo)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filters"] = ["预算或截止日期范围不正确"] });
        var organisation = await store.Collection<Organisation>().GetAsync(id, ct);
        if (organisation is null) return Problems.NotFound("机构不存在", $"没有编号为 {id} 的机构");
        var now = clock.GetUtcNow().UtcDateTime;

        string? blocked = organisation.Status switch
        {
            OrganisationStatus.Pending => "贵机构的注册尚在审核中，审核通过后才能投标",
            OrganisationStatus.Rejected => $"贵机构的注册未通过审核（{organisation.RejectionReason}），不能投标",
            _ => null,
        };
        if (blocked is null && await BlacklistChecks.InForceForOrganisationAsync(store, id, now, ct) is { } entry)
            blocked = BlacklistChecks.Explain(entry);

        var projects = await store.Collection<Project>().FindAsync(
            p => (p.Status == ProjectStatus.Published || p.Status == ProjectStatus.Bidding) && p.BidDeadline > now,
            orderBy: p => p.BidDeadline!, ct: ct);
        var filtered = projects.Where(p =>
            (minBudget is null || p.Budget >= minBudget) && (maxBudget is null || p.Budget <= maxBudget) &&
            (deadlineFrom is null || p.BidDeadline >= deadlineFrom) && (deadlineTo is null || p.BidDeadline <= deadlineTo));

        var eligible = new List<ProjectEligibilityDto>();
        var notEligible = new List<ProjectEligibilityDto>();
        foreach (var project in filtered)
        {
            var check = Eligibility.Check(organisation, project, now);
            if (blocked is not null) check.Reasons.Insert(0, blocked);
            var dto = new ProjectEligibilityDto(project.AsSummary(), check.Reasons.Count == 0, check.Fits, check.Reasons);
            (dto.Eligible ? eligible : notEligible).Add(dto);
        }
        return TypedResults.Ok(new EligibilityResultDto(id, blocked is null, blocked, eligible, notEligible));
    }
}
