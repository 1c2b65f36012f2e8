using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Plans;

/// <summary>
/// Demo purchase plans behind the demo projects (each came from an approved plan item, as the policies require),
/// plus, for 上虞区民政局 this year, one item awaiting review and one returned with a reason, so the chat has something to report.
/// Runs after the main demo seeder and only on a store without plans.
/// </summary>
internal sealed class DemoPlans(TimeProvider clock) : IStoreSeeder
{
    public async Task SeedAsync(IDocumentStore store, CancellationToken ct)
    {
        if (await store.Collection<PurchasePlan>().CountAsync(_ => true, ct) > 0) return;
        var projects = await store.Collection<Project>().FindAsync(_ => true, orderBy: p => p.Id, ct: ct);
        if (projects.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;

        var plans = new Dictionary<string, PurchasePlan>();
        foreach (var project in projects.Where(p => p.PlanItemId is null))
        {
            var id = PurchasePlan.IdFor(project.Department, project.Year);
            if (!plans.TryGetValue(id, out var plan))
                plans[id] = plan = new PurchasePlan { Id = id, Department = project.Department, Year = project.Year };
            var submitted = project.CreatedAt.AddDays(-30);
            var item = Item(plan.NextItemId(), project.CatalogueCode, project.Name, project.Budget, project.Method, project.MethodJustification,
                project.Region, project.PerformanceTargets, submitted);
            item.Status = PlanItemStatus.Approved;
            item.ProjectId = project.Id;
            item.Reviews.Add(new PlanItemReview { Outcome = PlanItemStatus.Approved, By = "finance", At = submitted.AddDays(10) });
            plan.Items.Add(item);
            project.PlanItemId = item.Id;
            await store.Collection<Project>().ReplaceAsync(project, ct);
        }

        var civil = PurchasePlan.IdFor("上虞区民政局", now.Year);
        if (!plans.TryGetValue(civil, out var current))
            plans[civil] = current = new PurchasePlan { Id = civil, Department = "上虞区民政局", Year = now.Year };
        var waiting = Item(current.NextItemId(), "B0201", "上虞区困境儿童关爱社会工作服务项目", 300_000m, PurchaseMethod.CompetitiveConsultation, null,
            "上虞区", ["困境儿童建档率100%", "个案服务不少于60例", "服务对象满意度不低于90%"], now.AddDays(-3));
        current.Items.Add(waiting);
        var returned = Item(current.NextItemId(), "A0102", "上虞区老年食堂运营补助项目", 350_000m, PurchaseMethod.RequestForQuotation, null,
            "上虞区", ["按要求开展服务"], now.AddDays(-12));
        returned.Status = PlanItemStatus.Returned;
        returned.ReturnReason = "绩效目标不具体，请细化服务人次、覆盖范围和满意度指标";
        returned.Reviews.Add(new PlanItemReview { Outcome = PlanItemStatus.Returned, Reason = returned.ReturnReason, By = "finance", At = now.AddDays(-8) });
        current.Items.Add(returned);

        // Budget lines leave some room above what was planned, as finance usually does.
        foreach (var plan in plans.Values)
            plan.BudgetLine = Math.Ceiling(plan.Items.Sum(i => i.Budget) * 1.2m / 100_000m) * 100_000m;
        await store.Collection<PurchasePlan>().InsertManyAsync(plans.Values.ToList(), ct);
    }

    private static PlanItem Item(string id, string code, string name, decimal budget, PurchaseMethod method, string? justification,
        string region, List<string> targets, DateTime submitted)
    {
        var item = new PlanItem
        {
            Id = id, CatalogueCode = code, Name = name, Budget = budget, Method = method, MethodJustification = justification,
            Region = region, PerformanceTargets = [.. targets], Status = PlanItemStatus.Submitted, SubmittedBy = "staff", SubmittedAt = submitted,
        };
        item.Reviews.Add(new PlanItemReview { Outcome = PlanItemStatus.Submitted, By = "staff", At = submitted });
        return item;
    }
}
