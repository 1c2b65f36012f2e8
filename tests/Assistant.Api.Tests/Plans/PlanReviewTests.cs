using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using static Assistant.Api.Tests.Plans.PlanTestKit;

namespace Assistant.Api.Tests.Plans;

/// <summary>Finance review: return with a reason, revise and resubmit, approve into a draft project; history and audit kept.</summary>
public sealed class PlanReviewTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Returned_item_is_revised_resubmitted_and_approved_into_a_draft_project_with_full_history()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2041, 2_000_000m);
        var item = await SubmitAsync(staff, 2041, Item(name: "上虞区居家養老上門服務項目", code: "A0101", budget: 500_000m));
        var url = $"{PlanUrl(Civil, 2041)}/items/{item.Id}";

        var returned = await finance.PostAsJsonAsync($"{url}/return", new PlanReviewRequest("绩效目标不具体，请细化服务人次"));
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var summary = await staff.GetFromJsonAsync<PlanSummaryDto>("/api/plans/summary?year=2041", Json.Options);
        Assert.Equal(1, summary!.Returned);
        Assert.Contains("绩效目标不具体", summary.Text);

        var revised = Item(name: "上虞区居家養老上門服務項目", code: "A0101", budget: 520_000m) with { PerformanceTargets = ["服务老人不少于800人", "满意度不低于90%"] };
        var resubmitted = await staff.PutAsJsonAsync(url, revised, Json.Options);
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);

        var approved = await ApproveAsync(finance, Civil, 2041, item.Id);
        Assert.Equal(PlanItemStatus.Approved, approved.Status);
        Assert.Equal([PlanItemStatus.Submitted, PlanItemStatus.Returned, PlanItemStatus.Submitted, PlanItemStatus.Approved],
            approved.Reviews.Select(r => r.Outcome));
        Assert.Equal("绩效目标不具体，请细化服务人次", approved.Reviews[1].Reason);

        // The draft project: code "{region prefix}-{year}-{seq}", the plan's budget and targets, searchable in Simplified script.
        Assert.Equal("SY-2041-001", approved.ProjectId);
        var project = await staff.GetFromJsonAsync<ProjectDetailsDto>($"/api/projects/{approved.ProjectId}", Json.Options);
        Assert.Equal(ProjectStatus.Draft, project!.Status);
        Assert.Equal(520_000m, project.Budget);
        Assert.Equal(Civil, project.Department);
        Assert.Contains("服务老人不少于800人", project.PerformanceTargets);
        var stored = await factory.Store.Collection<Api.Projects.Project>().GetAsync("SY-2041-001");
        Assert.Equal(item.Id, stored!.PlanItemId);
        Assert.Contains("居家养老上门服务项目", stored.SearchText);

        var entity = $"{Civil}|2041|{item.Id}";
        var actions = (await factory.Store.Collection<AuditEvent>().FindAsync(e => e.EntityId == entity))
            .Select(e => e.Action).Order().ToList();
        // The fake clock stands still, so the order is in the reviews above; here every decision must be audited.
        Assert.Equal(["plan.item.approved", "plan.item.resubmitted", "plan.item.returned", "plan.item.submitted"], actions);
        Assert.Single(await factory.Store.Collection<AuditEvent>().FindAsync(e => e.EntityId == "SY-2041-001" && e.Action == "project.created"));
    }

    [Fact]
    public async Task Project_codes_run_on_per_region_and_year()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2042, 2_000_000m);
        var first = await SubmitAsync(staff, 2042, Item(budget: 100_000m));
        var second = await SubmitAsync(staff, 2042, Item(name: "上虞区社区邻里互助服务项目", code: "B0101", budget: 100_000m));
        var third = await SubmitAsync(staff, 2042, Item(name: "江北区跨区协作服务项目", code: "B0101", budget: 100_000m, region: "江北区"));

        Assert.Equal("SY-2042-001", (await ApproveAsync(finance, Civil, 2042, first.Id)).ProjectId);
        Assert.Equal("SY-2042-002", (await ApproveAsync(finance, Civil, 2042, second.Id)).ProjectId);
        Assert.Equal("JB-2042-001", (await ApproveAsync(finance, Civil, 2042, third.Id)).ProjectId);
    }

    [Fact]
    public async Task Returning_needs_a_reason_and_only_finance_reviews()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2043, 1_000_000m);
        var item = await SubmitAsync(staff, 2043, Item());
        var url = $"{PlanUrl(Civil, 2043)}/items/{item.Id}";

        var noReason = await finance.PostAsJsonAsync($"{url}/return", new PlanReviewRequest("  "));
        Assert.True((await ValidationProblemAsync(noReason)).Errors.ContainsKey("reason"));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"{url}/approve", new PlanReviewRequest(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"{PlanUrl(Civil, 2043)}/budget-line", new BudgetLineRequest(9_000_000m))).StatusCode);
        await ProblemAsync(await finance.PostAsJsonAsync($"{PlanUrl(Civil, 2043)}/items/2043-99/approve", new PlanReviewRequest(null)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_approved_item_cannot_be_approved_returned_or_revised_again()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2044, 1_000_000m);
        var item = await SubmitAsync(staff, 2044, Item());
        var url = $"{PlanUrl(Civil, 2044)}/items/{item.Id}";
        await ApproveAsync(finance, Civil, 2044, item.Id);

        await ProblemAsync(await finance.PostAsJsonAsync($"{url}/approve", new PlanReviewRequest(null)), HttpStatusCode.Conflict);
        await ProblemAsync(await finance.PostAsJsonAsync($"{url}/return", new PlanReviewRequest("再看看")), HttpStatusCode.Conflict);
        await ProblemAsync(await staff.PutAsJsonAsync(url, Item(), Json.Options), HttpStatusCode.Conflict);
        // Lowering the budget line below what was approved would break the approved items.
        await ProblemAsync(await finance.PutAsJsonAsync($"{PlanUrl(Civil, 2044)}/budget-line", new BudgetLineRequest(100_000m)), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Approval_checks_again_against_the_budget_line_in_force_now()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2045, 1_000_000m);
        var item = await SubmitAsync(staff, 2045, Item(budget: 800_000m));
        await SetBudgetLineAsync(finance, Civil, 2045, 500_000m);

        var problem = await ProblemAsync(
            await finance.PostAsJsonAsync($"{PlanUrl(Civil, 2045)}/items/{item.Id}/approve", new PlanReviewRequest(null)),
            HttpStatusCode.UnprocessableEntity);
        Assert.Contains("预算额度", problem.Detail);
        Assert.Empty(await factory.Store.Collection<Api.Projects.Project>().FindAsync(p => p.Year == 2045));
    }

    [Fact]
    public async Task Another_department_cannot_revise_the_plan()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2046, 1_000_000m);
        var item = await SubmitAsync(staff, 2046, Item());
        var education = await StaffOfAsync(factory, "edu-2046", "上虞区教体局", "上虞区");

        var response = await education.PutAsJsonAsync($"{PlanUrl(Civil, 2046)}/items/{item.Id}", Item(), Json.Options);
        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_chat_summary_reports_counts_by_status_and_returned_reasons_for_the_callers_department()
    {
        var staff = await factory.ClientForAsync("staff");
        var year = factory.Clock.GetUtcNow().Year;

        var summary = await staff.GetFromJsonAsync<PlanSummaryDto>("/api/plans/summary", Json.Options);

        Assert.Equal(year, summary!.Year);
        Assert.Equal(Civil, summary.Department);
        var plans = await staff.GetFromJsonAsync<List<PurchasePlanDto>>($"/api/plans?year={year}", Json.Options);
        var items = plans!.SelectMany(p => p.Items).ToList();
        Assert.Equal(items.Count(i => i.Status == PlanItemStatus.Approved), summary.Approved);
        Assert.Equal(items.Count(i => i.Status == PlanItemStatus.Submitted), summary.Submitted);
        var returned = items.Where(i => i.Status == PlanItemStatus.Returned).ToList();
        Assert.NotEmpty(returned);
        Assert.Equal(returned.Select(r => r.ReturnReason), summary.ReturnedItems.Select(r => r.Reason));
        Assert.Contains($"已批准{summary.Approved}项", summary.Text);
        Assert.Contains(returned[0].ReturnReason!, summary.Text);
    }
}
