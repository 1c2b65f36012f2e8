using Assistant.Api.Catalogue;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Contracts.Text;
using Assistant.Platform.Storage;

namespace Assistant.Api.Plans;

/// <summary>
/// The rules a plan item must pass when submitted, resubmitted and again when approved (the catalogue or the
/// budget line may have changed in between): catalogue in force, not on the negative list, budget within the
/// department's line, and a purchase method that fits the amount.
/// </summary>
public static class PlanChecks
{
    public static void ValidateShape(PlanItemRequest r, ValidationErrors errors)
    {
        errors.Require("catalogueCode", r.CatalogueCode, "目录编码", 20);
        errors.Require("name", r.Name, "项目名称", 100);
        if (r.Content?.Length > 2000) errors.Add("content", "服务内容不能超过2000个字");
        if (r.Budget <= 0) errors.Add("budget", "预算金额必须大于0");
        else if (r.Budget > 10_000_000_000m) errors.Add("budget", "预算金额超出合理范围，请核对单位（元）");
        if (r.Method is null) errors.Add("method", "请选择购买方式");
        if (r.MethodJustification?.Length > 500) errors.Add("methodJustification", "理由不能超过500个字");
        var targets = r.PerformanceTargets?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList() ?? [];
        if (targets.Count == 0) errors.Add("performanceTargets", "请填写至少一项绩效目标");
        if (targets.Count > 20 || targets.Any(t => t.Length > 200)) errors.Add("performanceTargets", "绩效目标最多20项，每项不超过200个字");
        if (r.Region?.Length > 50) errors.Add("region", "地区不能超过50个字");
    }

    /// <summary>The method must fit the amount under the region's thresholds.</summary>
    public static void CheckMethod(decimal budget, PurchaseMethod method, string? justification, MethodThresholds limits, ValidationErrors errors)
    {
        var justified = !string.IsNullOrWhiteSpace(justification);
        if (method == PurchaseMethod.SingleSource && !justified)
            errors.Add("methodJustification", "采用单一来源方式须说明理由（如只有唯一承接主体具备条件）");
        if (method == PurchaseMethod.DecentralisedPurchase && budget > limits.DecentralisedLimit)
            errors.Add("method", $"分散采购只适用于{limits.DecentralisedLimit:N0}元以下的项目，本项目预算{budget:N0}元，请选择其他购买方式");
        else if (budget > limits.TenderLimit && method != PurchaseMethod.OpenTender && !justified)
            errors.Add("method", $"预算{budget:N0}元超过公开招标限额{limits.TenderLimit:N0}元，应采用公开招标；如确需采用{method.Label()}，请在 methodJustification 中说明理由");
    }

    /// <summary>Checks against stored data: catalogue version in force, negative list, budget line. Returns the catalogue item when found.</summary>
    public static async Task<CatalogueItem?> CheckAgainstRulesAsync(
        IDocumentStore store, PurchasePlan plan, PlanItem item, ValidationErrors errors, CancellationToken ct)
    {
        var catalogueItem = await CatalogueApi.ItemInForceAsync(store, item.CatalogueCode, plan.Year, ct);
        if (catalogueItem is null)
            errors.Add("catalogueCode", $"目录编码“{item.CatalogueCode}”不在{plan.Year}年度指导目录中（或已退出目录），不能列入购买计划");

        // Traditional-script text is matched too: the negative list is written in Simplified.
        var excluded = ExcludedMatters.Match(ChineseScript.ToSimplified($"{item.Name} {item.Content}"));
        if (excluded is not null)
            errors.Add("name", $"该事项属于负面清单“{excluded.Name}”，不得通过政府购买服务方式购买");

        if (plan.BudgetLine <= 0)
            errors.Add("budget", $"财政部门尚未下达{plan.Department}{plan.Year}年度预算额度，暂不能提交购买计划");
        else
        {
            var planned = plan.PlannedBudget(exceptItemId: item.Id) + item.Budget;
            if (planned > plan.BudgetLine)
                errors.Add("budget", $"计划预算合计{planned:N0}元超过本部门{plan.Year}年度预算额度{plan.BudgetLine:N0}元（尚可安排{Math.Max(0, plan.BudgetLine - plan.PlannedBudget(item.Id)):N0}元）");
        }
        return catalogueItem;
    }
}
