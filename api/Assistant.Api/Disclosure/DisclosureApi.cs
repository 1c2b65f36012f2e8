using Assistant.Api.Evaluations;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Disclosure;

/// <summary>
/// 信息公开 of performance: published evaluation results and rating statistics, open to anyone. Only aggregates:
/// never a comment, a visit label or anything else that could point at a recipient.
/// </summary>
public static class DisclosureApi
{
    public static IEndpointRouteBuilder MapDisclosureApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/disclosure").WithTags("Disclosure").AllowAnonymous();
        group.MapGet("/evaluations", Evaluations);
        group.MapGet("/providers", FindProviders);
        group.MapGet("/providers/{id}/ratings", ProviderRatings);
        group.MapGet("/projects/{id}", ProjectResults.Get);
        return app;
    }

    public static async Task<Ok<List<DisclosedEvaluationDto>>> Evaluations(
        IDocumentStore store, CancellationToken ct, string? organisationId = null, string? projectId = null)
    {
        var published = (await store.Collection<Evaluation>().FindAsync(e => e.Published, ct: ct)).OrderByDescending(e => e.PublishedAt);
        var list = published
            .Where(e => organisationId is null || e.OrganisationId == organisationId)
            .Where(e => projectId is null || string.Equals(e.ProjectId, projectId, StringComparison.OrdinalIgnoreCase));
        var result = new List<DisclosedEvaluationDto>();
        foreach (var e in list)
        {
            var project = await store.Collection<Project>().GetAsync(e.ProjectId, ct);
            var provider = await store.Collection<Organisation>().GetAsync(e.OrganisationId, ct);
            result.Add(e.AsDisclosed(project?.Name ?? "", project?.Department ?? "", provider?.Name ?? ""));
        }
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// Verified providers by (part of) their name, best match first, at most five: how the chat finds "康乐养老" before
    /// showing its statistics. Verified providers are public (they can be awarded contracts); applicants are not.
    /// </summary>
    public static async Task<Results<Ok<List<DisclosedProviderDto>>, ValidationProblem>> FindProviders(
        IDocumentStore store, CancellationToken ct, string? name = null)
    {
        var asked = ProviderNames.Normalise(name ?? "");
        if (asked.Length is < ProviderNames.MinLength or > ProviderNames.MaxLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"请提供承接主体名称中的 {ProviderNames.MinLength}–{ProviderNames.MaxLength} 个字，例如“康乐养老”"],
            });
        var verified = await store.Collection<Organisation>().FindAsync(o => o.Status == OrganisationStatus.Verified, ct: ct);
        var found = verified.Select(o => (Provider: o, Distance: ProviderNames.Distance(o.Name, asked)))
            .Where(m => m.Distance is not null).OrderBy(m => m.Distance).ThenBy(m => m.Provider.Name, StringComparer.Ordinal).Take(5)
            .Select(m => new DisclosedProviderDto(m.Provider.Id, m.Provider.Name)).ToList();
        return TypedResults.Ok(found);
    }

    public static async Task<Results<Ok<ProviderRatingStatsDto>, ProblemHttpResult>> ProviderRatings(string id, IDocumentStore store, CancellationToken ct)
    {
        var provider = await store.Collection<Organisation>().GetAsync(id, ct);
        if (provider is null) return Problems.NotFound("承接主体不存在");
        var ratings = (await store.Collection<Rating>().FindAsync(r => r.OrganisationId == id && !r.Voided, ct: ct))
            .Where(r => r.RatesRectificationCaseId is null).ToList();
        var cases = await store.Collection<RectificationCase>().FindAsync(c => c.OrganisationId == id, ct: ct);
        var projects = new List<ProjectRatingStatsDto>();
        foreach (var group in ratings.GroupBy(r => r.ProjectId).OrderBy(g => g.Key))
        {
            var project = await store.Collection<Project>().GetAsync(group.Key, ct);
            var dimensions = group.SelectMany(r => r.Dimensions).GroupBy(d => d.Key)
                .ToDictionary(d => d.Key, d => Math.Round((decimal)d.Average(x => x.Value), 2));
            projects.Add(new ProjectRatingStatsDto(group.Key, project?.Name ?? "", group.Count(), Average(group), dimensions));
        }
        var levels = Enumerable.Range(1, 5).Reverse().ToDictionary(Rating.LevelLabel, s => ratings.Count(r => r.Score == s));
        // 满意率 as 政务服务"好差评" reports it: share of 基本满意 and better.
        decimal? satisfaction = ratings.Count == 0 ? null : Math.Round(100m * ratings.Count(r => r.Score >= 3) / ratings.Count, 1);
        return TypedResults.Ok(new ProviderRatingStatsDto(provider.Id, provider.Name, ratings.Count, Average(ratings), levels, satisfaction,
            projects, cases.Count, cases.Count(c => c.Status == RectificationStatus.Closed)));
    }

    public static decimal? Average(IEnumerable<Rating> ratings)
    {
        var list = ratings.ToList();
        return list.Count == 0 ? null : Math.Round((decimal)list.Average(r => r.Score), 2);
    }
}
