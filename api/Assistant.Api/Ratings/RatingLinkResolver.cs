using Assistant.Api.Catalogue;
using Assistant.Api.Contracting;
using Assistant.Api.Infrastructure;
using Assistant.Api.Projects;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Ratings;

/// <summary>
/// What a valid token leads to. Not the provider: only the rating page shows it, and a rating submission is the hot path
/// (one document read fewer).
/// </summary>
public sealed record ResolvedLink(RatingLink Link, Contract Contract, Project Project, CatalogueItem? Service)
{
    public IReadOnlyList<string> Dimensions => Service?.RatingDimensions ?? [];
}

/// <summary>Token → link: 404 for anything we did not issue (or that points elsewhere), 410 for expired or revoked links.</summary>
public static class RatingLinkResolver
{
    public static async Task<(ResolvedLink? Link, ProblemHttpResult? Problem)> ResolveAsync(
        string? token, RatingTokens tokens, IDocumentStore store, DateTime now, CancellationToken ct)
    {
        var payload = tokens.Read(token);
        var link = payload is null ? null : await store.Collection<RatingLink>().GetAsync(payload.LinkId, ct);
        // The signature already covers these; comparing with the stored link also catches a store that was swapped under us.
        if (payload is null || link is null || link.ContractId != payload.ContractId || link.Visit != payload.Visit)
            return (null, Problems.NotFound("评价链接无效", "请扫描服务人员提供的二维码重新打开评价页面"));
        if (link.RevokedAt is not null)
            return (null, Problems.Gone("评价链接已停用", "该评价链接已被购买主体停用"));
        if (now >= payload.ExpiresAt || now >= link.ExpiresAt)
            return (null, Problems.Gone("评价链接已过期", $"该评价链接已于 {link.ExpiresAt:yyyy-MM-dd HH:mm} (UTC) 过期"));
        var contract = await store.Collection<Contract>().GetAsync(link.ContractId, ct);
        var project = contract is null ? null : await store.Collection<Project>().GetAsync(contract.ProjectId, ct);
        if (contract is null || project is null)
            return (null, Problems.NotFound("评价链接无效", "链接对应的合同不存在"));
        return (new ResolvedLink(link, contract, project, await ServiceOfAsync(store, project, ct)), null);
    }

    /// <summary>The catalogue item the project buys under, in the project's year when that version exists.</summary>
    public static async Task<CatalogueItem?> ServiceOfAsync(IDocumentStore store, Project project, CancellationToken ct)
    {
        var code = project.CatalogueCode;
        // The version that starts the project's year has the id "code@year" (CatalogueMaintenanceApi.VersionId): a read by id.
        if (await store.Collection<CatalogueItem>().GetAsync($"{code}@{project.Year}", ct) is { } yearly) return yearly;
        var versions = await store.Collection<CatalogueItem>().FindAsync(c => c.Code == code, ct: ct);
        return versions.FirstOrDefault(v => v.Year == project.Year) ?? versions.MaxBy(v => v.Year);
    }
}
