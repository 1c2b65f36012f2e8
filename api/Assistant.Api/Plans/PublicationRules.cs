using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Plans;

/// <summary>
/// A project is disclosed only when it comes from an approved plan item with a budget (every policy document puts
/// the plan and the budget before publication). The publish endpoint asks this; nothing else decides it.
/// </summary>
public static class PublicationRules
{
    /// <summary>Whether the draft may be published; when not, the reason in Chinese.</summary>
    public static bool CanPublish(Project project, PurchasePlan? plan, out string? reason)
    {
        reason = Check(project, plan);
        return reason is null;
    }

    /// <summary>Loads the project's plan and applies <see cref="CanPublish"/>.</summary>
    public static async Task<string?> WhyNotPublishableAsync(IDocumentStore store, Project project, CancellationToken ct)
    {
        var plan = await store.Collection<PurchasePlan>().GetAsync(PurchasePlan.IdFor(project.Department, project.Year), ct);
        return CanPublish(project, plan, out var reason) ? null : reason;
    }

    private static string? Check(Project project, PurchasePlan? plan)
    {
        if (project.Status != ProjectStatus.Draft)
            return $"项目当前为“{project.Status.Label()}”，只有草稿可以发布";
        if (string.IsNullOrEmpty(project.PlanItemId))
            return "项目没有对应的购买计划事项，须先列入购买计划并经财政部门批准";
        var item = plan?.Item(project.PlanItemId);
        if (plan is null || item is null || plan.Department != project.Department)
            return $"找不到{project.Department}{project.Year}年度购买计划中的事项 {project.PlanItemId}";
        if (item.Status != PlanItemStatus.Approved)
            return $"购买计划事项 {item.Id} 尚未经财政部门批准（当前：{item.Status.Label()}）";
        if (item.ProjectId is not null && item.ProjectId != project.Id)
            return $"购买计划事项 {item.Id} 已对应项目 {item.ProjectId}";
        if (item.Budget <= 0 || project.Budget <= 0)
            return "项目没有落实预算，不能发布";
        if (project.Budget > item.Budget)
            return $"项目预算{project.Budget:N0}元超过批准的计划预算{item.Budget:N0}元";
        return null;
    }
}
