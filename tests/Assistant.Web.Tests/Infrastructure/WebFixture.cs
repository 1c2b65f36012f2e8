using System.Net.Http.Json;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>One real API, one real bot (Direct Line) and one Chromium for all browser tests (they run one at a time).</summary>
public sealed class WebFixture : IAsyncLifetime
{
    public ApiHost Api { get; private set; } = null!;
    public BotProcess Bot { get; } = new();
    public string? BotStartError { get; private set; }
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RepoPaths.EnsureWebBuilt();
        var botKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        Api = new ApiHost(Bot.DirectLineDomain, botKey);
        Api.StartServer();
        Http = new HttpClient { BaseAddress = new Uri(Api.BaseUrl) };
        (await Http.GetAsync("/health/ready")).EnsureSuccessStatusCode();
        // A bot that fails to start fails the chat tests (with its log), not every page test.
        try { await Bot.StartAsync(Api.BaseUrl, botKey); }
        catch (InvalidOperationException e) { BotStartError = e.Message; }
        // CI runs the other test suites at the same time on two cores: allow for a slow machine.
        Assertions.SetDefaultExpectTimeout(15000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Infrastructure.Browser.LaunchAsync(Playwright);
    }

    /// <summary>A fresh phone (own storage, IndexedDB, service workers) so tests do not see each other's state.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPhoneAsync(int width = 390, bool serviceWorkers = true)
    {
        var options = Infrastructure.Browser.Phone(Api.BaseUrl, width);
        options.ServiceWorkers = serviceWorkers ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15000);
        return (context, await context.NewPageAsync());
    }

    public async Task<string> TokenAsync(string username)
    {
        var response = await Http.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
    }

    private sealed record TokenBody(string AccessToken);

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        Http?.Dispose();
        Api?.Dispose();
        await Bot.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "mobile web in a browser";
}
