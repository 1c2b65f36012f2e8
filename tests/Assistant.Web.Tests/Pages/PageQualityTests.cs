using Assistant.Web.Tests.Infrastructure;

namespace Assistant.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class PageQualityTests(WebFixture web)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "projects" },
        { "/project.html?id=SY-2026-001", "project" },
        { "/rating.html?t=unknown-token", "rating-unknown-link" },
        { "/org.html", "org-signin" },
        { "/staff.html", "staff-signin" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_is_Chinese_and_fits_a_360px_phone(string path, string name)
    {
        var (context, page) = await web.NewPhoneAsync(width: 360);
        await using var _ = context;
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 360px");
        // Every form control has a label a screen reader can announce.
        var unlabelled = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id || e.name)");
        Assert.Empty(unlabelled);
        await Screenshots.SaveAsync(page, $"360-{name}");
    }

    [Fact]
    public async Task The_app_is_installable_with_a_manifest_icons_and_a_service_worker()
    {
        var (context, page) = await web.NewPhoneAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        var manifest = await page.EvaluateAsync<string>("async () => { const r = await fetch(document.querySelector('link[rel=manifest]').href); return JSON.stringify(await r.json()); }");
        Assert.Contains("\"lang\":\"zh-CN\"", manifest);
        Assert.Contains("icon-512.png", manifest);
        var icon = await page.EvaluateAsync<int>("async () => (await fetch('/icons/icon-512.png')).status");
        Assert.Equal(200, icon);
        // Within 10 s the service worker is active (its install caches the whole shell, so a failed file fails this).
        var active = await page.EvaluateAsync<bool>(
            "() => Promise.race([navigator.serviceWorker.ready.then(r => !!r.active), new Promise(r => setTimeout(() => r(false), 10000))])");
        Assert.True(active, "service worker did not install (a file in its shell list failed to load?)");
    }
}
