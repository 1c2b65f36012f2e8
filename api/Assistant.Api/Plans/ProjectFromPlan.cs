using Assistant.Api.Catalogue;
using Assistant.Api.Projects;
using Assistant.Contracts.Domain;
using Assistant.Contracts.Text;
using Assistant.Platform.Storage;

namespace Assistant.Api.Plans;

/// <summary>项目库 entry for an approved plan item: a draft project carrying the plan's budget, method and targets.</summary>
public static class ProjectFromPlan
{
    public static async Task<Project> CreateDraftAsync(
        IDocumentStore store, PurchasePlan plan, PlanItem item, ProcurementOptions options, DateTime now, CancellationToken ct)
    {
        var catalogue = await CatalogueApi.ItemInForceAsync(store, item.CatalogueCode, plan.Year, ct);
        var category = catalogue?.Name ?? item.CatalogueCode;
        var region = string.IsNullOrEmpty(item.Region) ? "" : item.Region;
        var prefix = $"{options.PrefixFor(region)}-{plan.Year}-";
        var projects = store.Collection<Project>();
        // Codes are sequential per region and year; two approvals racing for one code: the loser takes the next.
        for (var attempt = 0; ; attempt++)
        {
            var existing = await projects.FindAsync(p => p.Id.StartsWith(prefix), ct: ct);
            var next = existing.Select(p => int.TryParse(p.Id[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
            var project = new Project
            {
                Id = $"{prefix}{next:D3}",
                Name = item.Name,
                Department = plan.Department,
                Region = region,
                CatalogueCode = item.CatalogueCode,
                Category = category,
                Year = plan.Year,
                Content = string.IsNullOrEmpty(item.Content) ? $"{item.Name}：由{plan.Department}向社会力量购买{category}。" : item.Content,
                Budget = item.Budget,
                Method = item.Method,
                MethodJustification = item.MethodJustification,
                PerformanceTargets = [.. item.PerformanceTargets],
                Status = ProjectStatus.Draft,
                PlanItemId = item.Id,
                CreatedAt = now,
                SearchText = ChineseScript.ToSimplified($"{item.Name} {category} {plan.Department} {region}"),
            };
            try
            {
                await projects.InsertAsync(project, ct);
                return project;
            }
            catch (DuplicateKeyException) when (attempt < 5)
            {
            }
        }
    }
}
