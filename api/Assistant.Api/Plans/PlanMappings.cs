using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Plans;

public static class PlanMappings
{
    public static PurchasePlanDto AsDto(this PurchasePlan p) =>
        new(p.Id, p.Department, p.Year, p.BudgetLine, p.PlannedBudget(), p.ApprovedBudget(), p.Items.Select(i => i.AsDto()).ToList());

    public static PlanItemDto AsDto(this PlanItem i) => new(
        i.Id, i.CatalogueCode, i.Name, i.Content, i.Budget, i.Method, i.Method.Label(), i.MethodJustification, i.PerformanceTargets,
        i.Region, i.Status, i.Status.Label(), i.ReturnReason, i.ProjectId, i.SubmittedAt,
        i.Reviews.Select(r => new PlanItemReviewDto(r.Outcome, r.Outcome.Label(), r.Reason, r.By, r.At)).ToList());

    /// <summary>Amounts in chat read naturally in 万元 ("68万元"), as the policy documents write them.</summary>
    public static string Wan(decimal yuan) => $"{yuan / 10_000m:0.##}万元";
}
