using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests.Projects;

[Collection(WebCollection.Name)]
public sealed class ProjectSearchTests(WebFixture web)
{
    [Fact]
    public async Task Searching_shows_the_same_projects_the_api_finds_and_opens_one()
    {
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("共");

        await page.GetByLabel("搜索项目").FillAsync("养老");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();

        var expected = await web.Http.GetFromJsonAsync<JsonElement>("/api/projects?q=养老&take=20");
        var names = expected.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        Assert.NotEmpty(names);
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync($"共 {expected.GetProperty("total").GetInt32()} 个项目");
        await Assertions.Expect(page.Locator("#results .project-name")).ToHaveTextAsync(names);
        Assert.Contains("q=%E5%85%BB%E8%80%81", page.Url); // the search is in the address, so it can be shared
        await Screenshots.SaveAsync(page, "projects-search-养老");

        await page.Locator("#results .project-link").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(names[0]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务内容" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公开答疑" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "project-details");
    }

    [Fact]
    public async Task Filtering_by_status_narrows_the_list_and_an_unmatched_search_says_so()
    {
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await page.GetByLabel("状态").SelectOptionAsync("Bidding");
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("共");
        var expected = await web.Http.GetFromJsonAsync<JsonElement>("/api/projects?status=Bidding&take=20");
        await Assertions.Expect(page.Locator("#results li")).ToHaveCountAsync(expected.GetProperty("items").GetArrayLength());
        await Assertions.Expect(page.Locator("#results .badge").First).ToHaveTextAsync("投标中");

        await page.GetByLabel("搜索项目").FillAsync("不存在的项目名称");
        await page.GetByLabel("搜索项目").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#summary")).ToHaveTextAsync("没有找到符合条件的项目，请换个关键词或减少筛选条件。");
    }

    [Fact]
    public async Task A_filter_chosen_while_the_first_list_is_loading_shows_only_the_filtered_projects()
    {
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        // A poor connection: the first, unfiltered list answers after the filtered one.
        await page.RouteAsync(url => url.Contains("/api/projects?"), async route =>
        {
            if (!route.Request.Url.Contains("status=")) await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.GetByLabel("状态").SelectOptionAsync("Bidding");
        var expected = await web.Http.GetFromJsonAsync<JsonElement>("/api/projects?status=Bidding&take=20");
        var count = expected.GetProperty("items").GetArrayLength();

        await Assertions.Expect(page.Locator("#results li")).ToHaveCountAsync(count);
        await page.WaitForTimeoutAsync(2500); // the slow unfiltered answer has arrived by now
        await Assertions.Expect(page.Locator("#results li")).ToHaveCountAsync(count);
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync($"共 {expected.GetProperty("total").GetInt32()} 个项目");
    }

    [Fact]
    public async Task An_unknown_project_gets_a_clear_message_not_a_broken_page()
    {
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync("/project.html?id=NO-SUCH-1");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("项目不存在");
    }

    [Fact]
    public async Task A_published_answer_appears_on_the_project_page_without_the_askers_name()
    {
        var question = $"投标保证金如何缴纳？{Guid.NewGuid():N}";
        var asked = await web.PostAsync("/api/projects/SY-2026-002/questions", new { question }, "org");
        await web.PostAsync($"/api/projects/SY-2026-002/questions/{asked.GetProperty("id").GetString()}/answer", new { answer = "本项目不收取投标保证金。" }, "staff");

        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync("/project.html?id=SY-2026-002");
        var qa = page.Locator(".qa li", new() { HasText = question });
        await Assertions.Expect(qa).ToContainTextAsync("答：本项目不收取投标保证金。");
        await Assertions.Expect(page.Locator(".qa")).Not.ToContainTextAsync("康乐");
    }

    [Fact]
    public async Task A_finished_project_shows_who_won_for_how_much_and_its_published_evaluation()
    {
        var results = await web.Http.GetFromJsonAsync<JsonElement>("/api/disclosure/projects/SY-2025-002");
        var award = results.GetProperty("award");
        var evaluation = results.GetProperty("evaluations")[0];

        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync("/project.html?id=SY-2025-002");
        var section = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "结果公开" }) });
        await Assertions.Expect(section).ToContainTextAsync($"中标（成交）单位{award.GetProperty("providerName").GetString()}");
        await Assertions.Expect(section).ToContainTextAsync("合同金额");
        await Assertions.Expect(section.Locator("tbody tr").First).ToContainTextAsync(evaluation.GetProperty("gradeLabel").GetString()!);
        await Assertions.Expect(section).ToContainTextAsync("整个合同期");
        await section.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "project-results");

        // A project still taking bids has nothing to disclose yet.
        await page.GotoAsync("/project.html?id=SY-2026-001");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公开答疑" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "结果公开" })).ToHaveCountAsync(0);
    }
}
