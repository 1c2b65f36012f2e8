using Assistant.Contracts.Api;

namespace Assistant.Api.Plans;

/// <summary>The plan review status in numbers and one Chinese paragraph, for chat ("我们局今年的购买计划审核到哪了").</summary>
public static class PlanSummary
{
    public static PlanSummaryDto For(int year, string? department, IReadOnlyList<PurchasePlan> plans)
    {
        var items = plans.SelectMany(p => p.Items.Select(i => (Plan: p, Item: i))).ToList();
        int Count(PlanItemStatus s) => items.Count(x => x.Item.Status == s);
        var returned = items.Where(x => x.Item.Status == PlanItemStatus.Returned)
            .Select(x => new ReturnedPlanItemDto(x.Plan.Department, x.Item.Id, x.Item.Name, x.Item.ReturnReason,
                x.Item.Reviews.LastOrDefault(r => r.Outcome == PlanItemStatus.Returned)?.At))
            .ToList();
        var budgetLine = plans.Sum(p => p.BudgetLine);
        var planned = plans.Sum(p => p.PlannedBudget());
        var approved = plans.Sum(p => p.ApprovedBudget());
        var who = department ?? "各部门";

        string text;
        if (items.Count == 0)
            text = budgetLine > 0
                ? $"{who}{year}年度预算额度{PlanMappings.Wan(budgetLine)}，尚未提交购买计划事项。"
                : $"{who}{year}年度尚未提交购买计划，财政部门也还未下达预算额度。";
        else
        {
            text = $"{who}{year}年度购买计划共{items.Count}项，计划预算{PlanMappings.Wan(planned)}" +
                   (budgetLine > 0 ? $"（预算额度{PlanMappings.Wan(budgetLine)}）" : "") +
                   $"：已批准{Count(PlanItemStatus.Approved)}项（{PlanMappings.Wan(approved)}），" +
                   $"待财政审核{Count(PlanItemStatus.Submitted)}项，退回待修改{Count(PlanItemStatus.Returned)}项。";
            if (returned.Count > 0)
                text += "退回事项：" + string.Join("；", returned.Select(r => $"{r.Name}（{r.ItemId}）——{r.Reason}")) + "。请修改后重新提交。";
        }
        return new PlanSummaryDto(year, department, budgetLine, items.Count, Count(PlanItemStatus.Submitted),
            Count(PlanItemStatus.Approved), Count(PlanItemStatus.Returned), planned, approved, returned, text);
    }
}
