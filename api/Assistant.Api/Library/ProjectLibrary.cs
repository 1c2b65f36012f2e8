using Assistant.Api.Contracting;
using Assistant.Api.Plans;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Library;

/// <summary>
/// The before/after comparison (Anyang's progress report compares budgets with what was actually contracted and paid):
/// one row per project of the year, with its plan item, contract and payments, flagged where the actual exceeds the plan.
/// </summary>
public static class ProjectLibrary
{
    public sealed record Entry(Project Project, Contract? Contract, PlanItem? PlanItem);

    public static async Task<IReadOnlyList<Entry>> EntriesAsync(IDocumentStore store, int year, string? department, string? region, CancellationToken ct)
    {
        var projects = department is null
            ? await store.Collection<Project>().FindAsync(p => p.Year == year, orderBy: p => p.Id, ct: ct)
            : await store.Collection<Project>().FindAsync(p => p.Year == year && p.Department == department, orderBy: p => p.Id, ct: ct);
        if (region is not null) projects = projects.Where(p => p.Region == region).ToList();
        var plans = (await store.Collection<PurchasePlan>().FindAsync(p => p.Year == year, ct: ct)).ToDictionary(p => p.Id);

        // One query for the contracts of all these projects rather than one per project (thousands of rows at year end).
        var projectIds = projects.Select(p => p.Id).ToList();
        var contracts = projectIds.Count == 0 ? []
            : (await store.Collection<Contract>().FindAsync(c => projectIds.Contains(c.ProjectId), ct: ct))
                .GroupBy(c => c.ProjectId).ToDictionary(g => g.Key, g => g.ToList());
        var entries = new List<Entry>(projects.Count);
        foreach (var project in projects)
        {
            var contract = ContractOf(project, contracts.GetValueOrDefault(project.Id));
            plans.TryGetValue(PurchasePlan.IdFor(project.Department, project.Year), out var plan);
            var item = project.PlanItemId is null ? null : plan?.Item(project.PlanItemId);
            entries.Add(new Entry(project, contract, item));
        }
        return entries;
    }

    public static async Task<IReadOnlyList<LibraryRowDto>> RowsAsync(IDocumentStore store, int year, string? department, string? region, CancellationToken ct) =>
        (await EntriesAsync(store, year, department, region, ct)).Select(Row).ToList();

    public static LibraryRowDto Row(Entry e)
    {
        var (p, contract, item) = e;
        var paid = contract?.PaidSoFar() ?? 0m;
        return new LibraryRowDto(
            p.Id, p.Name, p.Department, p.Region, p.Year, p.PlanItemId, item?.Status == PlanItemStatus.Approved,
            p.Status, p.Status.Label(), p.Method, p.Method.Label(), p.Budget, contract?.Amount, paid,
            Remaining: p.Budget - paid,
            ContractOverBudget: contract is not null && contract.Amount > p.Budget,
            PaymentsOverBudget: paid > p.Budget,
            PaymentsOverContract: contract is not null && paid > contract.Amount);
    }

    private static Contract? ContractOf(Project project, List<Contract>? contracts)
    {
        if (contracts is null) return null;
        if (project.ContractId is not null) return contracts.FirstOrDefault(c => c.Id == project.ContractId);
        return project.Status is >= ProjectStatus.Contracted and <= ProjectStatus.Closed ? contracts.FirstOrDefault() : null;
    }
}
