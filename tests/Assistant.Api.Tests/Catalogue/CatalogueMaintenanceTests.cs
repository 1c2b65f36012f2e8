using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using static Assistant.Api.Tests.Plans.PlanTestKit;

namespace Assistant.Api.Tests.Catalogue;

/// <summary>动态调整: finance adds, changes and retires catalogue items; answers and plan checks use the version in force.</summary>
public sealed class CatalogueMaintenanceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CatalogueItemRequest NewItem(string code, string name, DateTime effective) =>
        new(code, "基本公共服务", "养老服务", name, "为失能老人提供长期照护", ["长期照护", "失能"], ["服务态度"], effective, "新增目录项");

    [Fact]
    public async Task A_new_item_is_in_force_only_from_its_effective_date()
    {
        var finance = await factory.ClientForAsync("finance");
        var created = await finance.PostAsJsonAsync("/api/catalogue/items", NewItem("a0701", "长期照护服务", new DateTime(2061, 1, 1)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("A0701@2061", (await created.Content.ReadFromJsonAsync<CatalogueVersionDto>(Json.Options))!.Id);

        var before = await factory.CreateClient().GetFromJsonAsync<List<CatalogueItemDto>>("/api/catalogue?year=2060", Json.Options);
        var after = await factory.CreateClient().GetFromJsonAsync<List<CatalogueItemDto>>("/api/catalogue?year=2061", Json.Options);
        Assert.DoesNotContain(before!, i => i.Code == "A0701");
        Assert.Contains(after!, i => i.Code == "A0701" && i.Name == "长期照护服务");
        Assert.Single(await factory.Store.Collection<AuditEvent>().FindAsync(e => e.Action == "catalogue.added" && e.EntityId == "A0701@2061"));
    }

    [Fact]
    public async Task A_change_is_a_new_version_and_each_year_answers_with_the_version_in_force()
    {
        var finance = await factory.ClientForAsync("finance");
        await finance.PostAsJsonAsync("/api/catalogue/items", NewItem("A0702", "失能老人照护服务", new DateTime(2062, 1, 1)));

        var changed = await finance.PutAsJsonAsync("/api/catalogue/items/A0702",
            new CatalogueItemRequest(null, null, null, "失能半失能老人照护服务", null, null, null, new DateTime(2063, 7, 1), "扩大服务对象"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var y2062 = await factory.CreateClient().GetFromJsonAsync<List<CatalogueItemDto>>("/api/catalogue?year=2062", Json.Options);
        var y2063 = await factory.CreateClient().GetFromJsonAsync<List<CatalogueItemDto>>("/api/catalogue?year=2063", Json.Options);
        Assert.Equal("失能老人照护服务", y2062!.Single(i => i.Code == "A0702").Name);
        var current = y2063!.Single(i => i.Code == "A0702");
        Assert.Equal("失能半失能老人照护服务", current.Name);
        Assert.Equal("养老服务", current.Subcategory);
        var versions = await factory.CreateClient().GetFromJsonAsync<List<CatalogueVersionDto>>("/api/catalogue/items/A0702/versions", Json.Options);
        Assert.Equal(["A0702@2062", "A0702@2063-07-01"], versions!.Select(v => v.Id));

        var backdated = await finance.PutAsJsonAsync("/api/catalogue/items/A0702",
            new CatalogueItemRequest(null, null, null, "回溯修改", null, null, null, new DateTime(2062, 6, 1), null));
        await ProblemAsync(backdated, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_retired_item_can_no_longer_be_planned_in_later_years()
    {
        var (finance, staff) = (await factory.ClientForAsync("finance"), await factory.ClientForAsync("staff"));
        await finance.PostAsJsonAsync("/api/catalogue/items", NewItem("A0703", "老年人助浴服务", new DateTime(2064, 1, 1)));
        var retired = await finance.PostAsJsonAsync("/api/catalogue/items/A0703/retire",
            new CatalogueRetireRequest(new DateTime(2065, 1, 1), "并入居家养老服务"));
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);

        await SetBudgetLineAsync(finance, Civil, 2064, 1_000_000m);
        await SetBudgetLineAsync(finance, Civil, 2065, 1_000_000m);
        await SubmitAsync(staff, 2064, Item(name: "上虞区老年人助浴服务项目", code: "A0703"));
        var late = await staff.PostAsJsonAsync("/api/plans/2065/items", Item(name: "上虞区老年人助浴服务项目", code: "A0703"), Json.Options);
        Assert.Contains("不在2065年度指导目录", Assert.Single((await ValidationProblemAsync(late)).Errors["catalogueCode"]));

        var y2065 = await factory.CreateClient().GetFromJsonAsync<List<CatalogueItemDto>>("/api/catalogue?year=2065", Json.Options);
        Assert.DoesNotContain(y2065!, i => i.Code == "A0703");
        await ProblemAsync(await finance.PostAsJsonAsync("/api/catalogue/items/A0703/retire",
            new CatalogueRetireRequest(new DateTime(2066, 1, 1), "再次退出")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Maintenance_is_for_finance_and_bad_requests_are_explained()
    {
        var (finance, staff) = (await factory.ClientForAsync("finance"), await factory.ClientForAsync("staff"));
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/catalogue/items", NewItem("A0799", "x服务", new DateTime(2066, 1, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/catalogue/items/A0101/retire", new CatalogueRetireRequest(null, null))).StatusCode);

        await ProblemAsync(await finance.PostAsJsonAsync("/api/catalogue/items", NewItem("A0101", "重复", new DateTime(2066, 1, 1))), HttpStatusCode.Conflict);
        var excluded = await finance.PostAsJsonAsync("/api/catalogue/items", NewItem("A0798", "城区道路基础设施建设", new DateTime(2066, 1, 1)));
        Assert.Contains("负面清单", Assert.Single((await ValidationProblemAsync(excluded)).Errors["name"]));
        var badCode = await finance.PostAsJsonAsync("/api/catalogue/items", NewItem("坏 编码", "x服务", new DateTime(2066, 1, 1)));
        Assert.True((await ValidationProblemAsync(badCode)).Errors.ContainsKey("code"));
        var noReason = await finance.PostAsJsonAsync("/api/catalogue/items/A0101/retire", new CatalogueRetireRequest(null, ""));
        var problem = await ValidationProblemAsync(noReason);
        Assert.True(problem.Errors.ContainsKey("effectiveDate") && problem.Errors.ContainsKey("reason"));
        await ProblemAsync(await finance.PutAsJsonAsync("/api/catalogue/items/NOPE", NewItem("NOPE", "x服务", new DateTime(2066, 1, 1))), HttpStatusCode.NotFound);
    }
}
