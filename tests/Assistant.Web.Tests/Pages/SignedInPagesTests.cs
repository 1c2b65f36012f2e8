using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class SignedInPagesTests(WebFixture web)
{
    private static async Task SignInAsync(IPage page, string username, string password = "demo")
    {
        await page.GetByLabel("用户名").FillAsync(username);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_Chinese()
    {
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync("/staff.html");
        await SignInAsync(page, "staff", "wrong");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码不正确");
    }

    [Fact]
    public async Task Staff_see_projects_by_stage_pending_evaluations_overdue_complaints_and_a_rating_trend()
    {
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync("/staff.html");
        await SignInAsync(page, "staff");
        foreach (var heading in new[] { "项目（按阶段）", "待评价", "逾期未回应的差评", "服务单位评分趋势", "年终统计" })
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".stage summary").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chart svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".chart tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.yearend tfoot th")).ToHaveTextAsync("合计");
        await Assertions.Expect(page.Locator("table.yearend tbody tr").First).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载 CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".section-body .notice-error")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "staff");
    }

    [Fact]
    public async Task An_organisation_answers_a_complaint_and_the_recipient_can_then_rate_the_fix()
    {
        // A complaint through the rating page opens a case for the provider.
        var token = await web.CreateRatingLinkAsync("整改测试");
        var comment = $"<script>window.hacked=1</script>护理员迟到 {Guid.NewGuid():N}";
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync($"/rating.html?t={token}");
        await page.GetByText("不满意", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("想说的话（可选）").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢您的评价！" })).ToBeVisibleAsync();

        // And a bid, to find under 我的投标 (there is no list endpoint: the page asks project by project).
        await web.PostAsync("/api/projects/SY-2026-002/bids", new { price = 430000m, planSummary = "每日两餐配送，专人回访。", declaredNotExcluded = true }, "org");

        await page.GotoAsync("/org.html");
        await SignInAsync(page, "org");
        var myBid = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "我的投标" }) }).Locator("li");
        await Assertions.Expect(myBid).ToContainTextAsync("上虞区老年助餐服务项目");
        await Assertions.Expect(myBid).ToContainTextAsync("报价 43万元");
        await Assertions.Expect(myBid).ToContainTextAsync("已提交，投标截止后开标");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登记状态" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("已审核通过")).ToBeVisibleAsync();
        var item = page.Locator("li.card", new() { HasText = comment });
        await Assertions.Expect(item).ToContainTextAsync(comment); // shown as text, never run as HTML
        Assert.False(await page.EvaluateAsync<bool>("() => !!window.hacked"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.SaveAsync(page, "org");
        await item.GetByLabel("整改回应").FillAsync("已更换护理员并调整排班，今后准时上门。");
        await item.GetByRole(AriaRole.Button, new() { Name = "提交回应" }).ClickAsync();
        await Assertions.Expect(item).ToContainTextAsync("回应已提交");

        await page.GotoAsync($"/rating.html?t={token}");
        await Assertions.Expect(page.GetByText("已更换护理员并调整排班，今后准时上门。")).ToBeVisibleAsync();
        await page.GetByText("满意", new() { Exact = true }).ClickAsync();
        await Screenshots.SaveAsync(page, "rating-fix");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢您的评价！" })).ToBeVisibleAsync();
        var link = await web.GetAsync($"/api/ratings/links/{token}");
        Assert.True(link.GetProperty("rectification").GetProperty("fixRated").GetBoolean());
    }
}
