using System.Text.Json;
using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests.Rating;

/// <summary>王阿姨's journey: scan, one tap, 提交 — online, and offline then online again — at 390×844.</summary>
[Collection(WebCollection.Name)]
public sealed class RatingFlowTests(WebFixture web)
{
    [Fact]
    public async Task One_tap_and_submit_rates_the_service_and_the_link_is_then_used()
    {
        var token = await web.CreateRatingLinkAsync("2026年11月24日上门服务");
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync($"/rating.html?t={token}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "服务满意度评价" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("服务时间：2026年11月24日上门服务")).ToBeVisibleAsync();
        // Five labelled choices a screen reader announces with their score.
        var choices = page.GetByRole(AriaRole.Radio);
        await Assertions.Expect(choices).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "非常满意 5分，满分5分" })).ToBeVisibleAsync();
        var box = await page.Locator("label.level").First.BoundingBoxAsync();
        Assert.True(box!.Height >= 56, $"choices must be big enough for a thumb, was {box.Height}px");
        await Screenshots.SaveAsync(page, "rating-form");

        await page.GetByText("非常满意", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢您的评价！" })).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "rating-thank-you");
        var link = await web.GetAsync($"/api/ratings/links/{token}");
        Assert.True(link.GetProperty("alreadyRated").GetBoolean());

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "这次服务已经评价过了" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Submitting_without_a_choice_asks_for_one()
    {
        var token = await web.CreateRatingLinkAsync("空选测试");
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync($"/rating.html?t={token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(page.Locator("#score-error")).ToHaveTextAsync("请先选择一个满意程度");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio).First).ToBeFocusedAsync();
        Assert.False((await web.GetAsync($"/api/ratings/links/{token}")).GetProperty("alreadyRated").GetBoolean());
    }

    [Fact]
    public async Task A_complaint_made_offline_is_kept_on_the_phone_and_sent_once_when_back_online()
    {
        var token = await web.CreateRatingLinkAsync("离线测试");
        var comment = $"饭菜凉了 <b>not bold</b> {Guid.NewGuid():N}";
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        var keys = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Method == "POST" && r.Url.EndsWith("/api/ratings"))
                lock (keys) keys.Add(JsonDocument.Parse(r.PostData!).RootElement.GetProperty("idempotencyKey").GetString()!);
        };
        await page.GotoAsync($"/rating.html?t={token}");
        await page.EvaluateAsync("() => navigator.serviceWorker.ready"); // the shell is cached for the offline reload below
        var days = (await web.GetAsync($"/api/ratings/links/{token}")).GetProperty("rectificationDays").GetInt32();

        await page.GetByText("非常不满意", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("想说的话（可选）").FillAsync(comment);
        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "评价已保存在手机上" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("不会丢失，也不会重复计算")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".complaint")).ToContainTextAsync($"{days}个工作日内");
        await Screenshots.SaveAsync(page, "rating-offline-queued");
        Assert.False((await web.GetAsync($"/api/ratings/links/{token}")).GetProperty("alreadyRated").GetBoolean());

        // Closing and reopening the page while still offline: the service worker serves it, IndexedDB still holds the rating.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "评价已保存在手机上" })).ToBeVisibleAsync();

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "谢谢您的评价！" })).ToBeVisibleAsync(new() { Timeout = 30000 });
        await Assertions.Expect(page.Locator(".complaint")).ToContainTextAsync("工作人员会给您回电");
        await Screenshots.SaveAsync(page, "rating-offline-sent");

        Assert.NotEmpty(keys);
        Assert.Single(keys.Distinct()); // every attempt carried the same idempotency key
        var cases = await web.GetAsync($"/api/rectifications?organisationId=org-kangle", "staff");
        var mine = cases.EnumerateArray().Where(c => c.GetProperty("complaint").GetString() == comment).ToList();
        Assert.Single(mine); // counted once: one rating, one rectification case
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => new Promise(r => { const q = indexedDB.open('assistant-ratings'); q.onsuccess = () => { const c = q.result.transaction('outbox').objectStore('outbox').count(); c.onsuccess = () => r(c.result); }; })"));
    }

    [Theory]
    [InlineData("not-a-real-token", "评价链接无效")]
    [InlineData("", "链接不完整")]
    public async Task A_bad_link_gets_a_clear_message(string token, string heading)
    {
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync($"/rating.html?t={token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
    }
}
