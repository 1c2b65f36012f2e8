using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Plans;
using Assistant.Api.Projects;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using static Assistant.Api.Tests.Plans.PlanTestKit;

namespace Assistant.Api.Tests.Plans;

/// <summary>A project is published only from an approved plan item with a budget.</summary>
public sealed class PublicationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_draft_from_an_approved_plan_item_is_published_and_audited()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2051, 1_000_000m);
        var item = await SubmitAsync(staff, 2051, Item());
        var approved = await ApproveAsync(finance, Civil, 2051, item.Id);

        var bidDeadline = factory.Clock.GetUtcNow().UtcDateTime.AddDays(30);
        var response = await staff.PostAsJsonAsync($"/api/projects/{approved.ProjectId}/publish", new PublishProjectRequest(BidDeadline: bidDeadline), Json.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var project = await factory.CreateClient().GetFromJsonAsync<ProjectDetailsDto>($"/api/projects/{approved.ProjectId}", Json.Options);
        Assert.Equal(ProjectStatus.Published, project!.Status);
        Assert.Single(await factory.Store.Collection<AuditEvent>().FindAsync(e => e.EntityId == approved.ProjectId && e.Action == "project.transition"),
            e => e.Details!.EndsWith("Published"));
        await ProblemAsync(await staff.PostAsync($"/api/projects/{approved.ProjectId}/publish", null), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_draft_without_an_approved_plan_item_cannot_be_published()
    {
        var staff = await factory.ClientForAsync("staff");
        await factory.Store.Collection<Project>().InsertAsync(Draft("SY-2052-901", planItemId: null));

        var problem = await ProblemAsync(await staff.PostAsync("/api/projects/SY-2052-901/publish", null), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("购买计划", problem.Detail);
        Assert.Equal(ProjectStatus.Draft, (await factory.Store.Collection<Project>().GetAsync("SY-2052-901"))!.Status);
    }

    [Fact]
    public async Task A_draft_whose_plan_item_is_still_under_review_cannot_be_published()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2053, 1_000_000m);
        var item = await SubmitAsync(staff, 2053, Item());
        await factory.Store.Collection<Project>().InsertAsync(Draft("SY-2053-901", item.Id));

        var problem = await ProblemAsync(await staff.PostAsync("/api/projects/SY-2053-901/publish", null), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("尚未经财政部门批准", problem.Detail);
    }

    [Fact]
    public async Task Other_departments_cannot_publish_and_unknown_projects_are_not_found()
    {
        var education = await StaffOfAsync(factory, "edu-2054", "上虞区教体局", "上虞区");
        await factory.Store.Collection<Project>().InsertAsync(Draft("SY-2054-901", null));
        await ProblemAsync(await education.PostAsync("/api/projects/SY-2054-901/publish", null), HttpStatusCode.NotFound);
        await ProblemAsync(await education.PostAsync("/api/projects/NOPE-1/publish", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/projects/SY-2054-901/publish", null)).StatusCode);
    }

    [Fact]
    public async Task A_draft_given_an_approved_plan_item_by_the_test_kit_can_be_published()
    {
        var staff = await factory.ClientForAsync("staff");
        var project = Draft("SY-2056-901", null);
        await AttachApprovedPlanItemAsync(factory, project);
        await factory.Store.Collection<Project>().InsertAsync(project);

        var publish = new PublishProjectRequest(BidDeadline: factory.Clock.GetUtcNow().UtcDateTime.AddDays(30));
        var response = await staff.PostAsJsonAsync("/api/projects/SY-2056-901/publish", publish, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(PlanItemStatus.Approved, 300_000, 300_000, null)]
    [InlineData(PlanItemStatus.Submitted, 300_000, 300_000, "尚未经财政部门批准")]
    [InlineData(PlanItemStatus.Returned, 300_000, 300_000, "尚未经财政部门批准")]
    [InlineData(PlanItemStatus.Approved, 0, 0, "预算")]
    [InlineData(PlanItemStatus.Approved, 300_000, 350_000, "超过批准的计划预算")]
    public void The_publication_rule_needs_an_approved_item_and_a_budget_within_it(PlanItemStatus status, int itemBudget, int projectBudget, string? reason)
    {
        var plan = new PurchasePlan { Id = PurchasePlan.IdFor(Civil, 2055), Department = Civil, Year = 2055 };
        plan.Items.Add(new PlanItem { Id = "2055-01", CatalogueCode = "A0101", Name = "x", Budget = itemBudget, Status = status });
        var project = Draft("SY-2055-001", "2055-01");
        project.Budget = projectBudget;

        var ok = PublicationRules.CanPublish(project, plan, out var why);

        Assert.Equal(reason is null, ok);
        if (reason is not null) Assert.Contains(reason, why);
        Assert.False(PublicationRules.CanPublish(project, null, out _));
    }

    private static Project Draft(string id, string? planItemId) => new()
    {
        Id = id, Name = "测试草稿项目", Department = Civil, Region = "上虞区", CatalogueCode = "A0101", Category = "居家养老服务",
        Year = int.Parse(id.Split('-')[1]), Budget = 300_000m, Status = ProjectStatus.Draft, PlanItemId = planItemId,
        PerformanceTargets = ["满意度不低于90%"],
    };
}
