using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using static Assistant.Api.Tests.Plans.PlanTestKit;

namespace Assistant.Api.Tests.Plans;

/// <summary>The checks a plan item passes on submission. Each test uses its own year so plans do not interfere.</summary>
public sealed class PlanSubmissionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_plan_item_within_the_budget_line_is_submitted_and_listed_for_the_department()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2031, 1_000_000m);

        var item = await SubmitAsync(staff, 2031, Item(budget: 400_000m));

        Assert.Equal(PlanItemStatus.Submitted, item.Status);
        Assert.Equal("上虞区", item.Region);
        var review = Assert.Single(item.Reviews);
        Assert.Equal(PlanItemStatus.Submitted, review.Outcome);
        var plans = await staff.GetFromJsonAsync<List<PurchasePlanDto>>("/api/plans?year=2031", Json.Options);
        var plan = Assert.Single(plans!);
        Assert.Equal(Civil, plan.Department);
        Assert.Equal(400_000m, plan.PlannedBudget);
        Assert.Equal(1_000_000m, plan.BudgetLine);
    }

    [Theory]
    [InlineData("上虞区乡村道路基础设施建设项目", "")]
    [InlineData("上虞区民政局窗口聘用人员项目", "")]
    [InlineData("上虞区养老服务设施融资项目", "")]
    [InlineData("上虞区社区服务项目", "包括行政处罚案件的调查取证")]
    [InlineData("上虞區鄉村道路基礎設施建設項目", "")]
    public async Task A_plan_item_on_the_negative_list_is_refused_naming_the_field(string name, string content)
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2032, 5_000_000m);

        var response = await staff.PostAsJsonAsync("/api/plans/2032/items", Item(name: name, content: content), Json.Options);

        var problem = await ValidationProblemAsync(response);
        Assert.Contains("负面清单", Assert.Single(problem.Errors["name"]));
    }

    [Fact]
    public async Task An_item_not_in_the_catalogue_for_the_year_is_refused()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2033, 5_000_000m);

        var unknown = await staff.PostAsJsonAsync("/api/plans/2033/items", Item(code: "Z9999"), Json.Options);
        Assert.Contains("Z9999", Assert.Single((await ValidationProblemAsync(unknown)).Errors["catalogueCode"]));

        // The demo catalogue starts last year: nothing is in force before it.
        var early = await staff.PostAsJsonAsync("/api/plans/2001/items", Item(code: "A0101"), Json.Options);
        Assert.True((await ValidationProblemAsync(early)).Errors.ContainsKey("catalogueCode"));
    }

    [Fact]
    public async Task Budget_must_be_positive_set_by_finance_and_within_the_department_budget_line()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));

        var noLine = await staff.PostAsJsonAsync("/api/plans/2034/items", Item(), Json.Options);
        Assert.Contains("尚未下达", Assert.Single((await ValidationProblemAsync(noLine)).Errors["budget"]));

        await SetBudgetLineAsync(finance, Civil, 2034, 500_000m);
        var zero = await staff.PostAsJsonAsync("/api/plans/2034/items", Item(budget: 0), Json.Options);
        Assert.Contains("大于0", Assert.Single((await ValidationProblemAsync(zero)).Errors["budget"]));

        await SubmitAsync(staff, 2034, Item(budget: 300_000m));
        var over = await staff.PostAsJsonAsync("/api/plans/2034/items", Item(name: "上虞区社区邻里互助服务项目", budget: 250_000m), Json.Options);
        Assert.Contains("超过", Assert.Single((await ValidationProblemAsync(over)).Errors["budget"]));

        // What is left of the line still fits.
        await SubmitAsync(staff, 2034, Item(name: "上虞区社区邻里互助服务项目", budget: 200_000m));
    }

    [Fact]
    public async Task A_method_that_does_not_fit_the_amount_is_refused_with_the_reason()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        await SetBudgetLineAsync(finance, Civil, 2035, 10_000_000m);

        var aboveTender = await staff.PostAsJsonAsync("/api/plans/2035/items",
            Item(budget: 1_500_000m, method: PurchaseMethod.CompetitiveConsultation), Json.Options);
        Assert.Contains("公开招标", Assert.Single((await ValidationProblemAsync(aboveTender)).Errors["method"]));

        var decentralised = await staff.PostAsJsonAsync("/api/plans/2035/items",
            Item(budget: 300_000m, method: PurchaseMethod.DecentralisedPurchase, justification: "金额较小"), Json.Options);
        Assert.Contains("分散采购", Assert.Single((await ValidationProblemAsync(decentralised)).Errors["method"]));

        var singleSource = await staff.PostAsJsonAsync("/api/plans/2035/items",
            Item(budget: 100_000m, method: PurchaseMethod.SingleSource), Json.Options);
        Assert.Contains("单一来源", Assert.Single((await ValidationProblemAsync(singleSource)).Errors["methodJustification"]));

        // The same amounts pass with the fitting method or a stated justification.
        await SubmitAsync(staff, 2035, Item(budget: 1_500_000m, method: PurchaseMethod.OpenTender));
        await SubmitAsync(staff, 2035, Item(name: "上虞区社区矫正社会工作服务项目", budget: 1_200_000m,
            method: PurchaseMethod.CompetitiveConsultation, justification: "服务专业性强，需通过磋商确定服务方案"));
        await SubmitAsync(staff, 2035, Item(name: "上虞区留守儿童关爱小额服务", budget: 150_000m, method: PurchaseMethod.DecentralisedPurchase));
    }

    [Fact]
    public async Task Method_thresholds_are_configured_per_region()
    {
        using var baseFactory = new ApiFactory();
        using var configured = baseFactory.WithWebHostBuilder(b => b.UseSetting("Procurement:Thresholds:上虞区:TenderLimit", "500000"));
        var staff = await SignedInAsync(configured, "staff");
        var finance = await SignedInAsync(configured, "finance");
        await SetBudgetLineAsync(finance, Civil, 2036, 5_000_000m);

        var inShangyu = await staff.PostAsJsonAsync("/api/plans/2036/items",
            Item(budget: 600_000m, method: PurchaseMethod.CompetitiveNegotiation), Json.Options);
        Assert.Contains("500,000", Assert.Single((await ValidationProblemAsync(inShangyu)).Errors["method"]));

        // Other regions keep the default limit (1,000,000).
        await SubmitAsync(staff, 2036, Item(budget: 600_000m, method: PurchaseMethod.CompetitiveNegotiation, region: "江北区"));
    }

    [Fact]
    public async Task Incomplete_requests_get_every_missing_field_named()
    {
        var staff = await factory.ClientForAsync("staff");
        var response = await staff.PostAsJsonAsync("/api/plans/2037/items",
            new PlanItemRequest(null, " ", null, -5, null, null, [], null), Json.Options);
        var problem = await ValidationProblemAsync(response);
        foreach (var field in new[] { "catalogueCode", "name", "budget", "method", "performanceTargets" })
            Assert.True(problem.Errors.ContainsKey(field), field);

        var badYear = await staff.PostAsJsonAsync("/api/plans/1800/items", Item(), Json.Options);
        Assert.True((await ValidationProblemAsync(badYear)).Errors.ContainsKey("year"));
    }

    [Fact]
    public async Task Only_purchaser_staff_submit_and_each_department_sees_only_its_own_plan()
    {
        var finance = await factory.ClientForAsync("finance");
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsJsonAsync("/api/plans/2038/items", Item(), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/plans")).StatusCode);
        var org = await factory.ClientForAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.GetAsync("/api/plans")).StatusCode);

        var staff = await factory.ClientForAsync("staff");
        var other = await staff.GetAsync($"/api/plans?department={Uri.EscapeDataString("上虞区教体局")}");
        await ProblemAsync(other, HttpStatusCode.Forbidden);

        var all = await finance.GetFromJsonAsync<List<PurchasePlanDto>>("/api/plans?year=2026", Json.Options);
        Assert.True(all!.Select(p => p.Department).Distinct().Count() > 1);
        var mine = await staff.GetFromJsonAsync<List<PurchasePlanDto>>("/api/plans?year=2026", Json.Options);
        Assert.All(mine!, p => Assert.Equal(Civil, p.Department));
    }
}
