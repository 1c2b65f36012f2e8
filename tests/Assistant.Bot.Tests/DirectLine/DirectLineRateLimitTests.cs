using System.Net;
using System.Net.Http.Json;
using Assistant.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Tests.DirectLine;

/// <summary>The Direct Line channel is public: one address gets a bounded number of calls, then a 429 ProblemDetails with Retry-After.</summary>
public sealed class DirectLineRateLimitTests : IAsyncLifetime
{
    private readonly string _dataDir = TempDir.Create();
    private WebApplication _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHosts.StartAsync(_dataDir, "http://127.0.0.1:1",
        settings: new Dictionary<string, string?> { ["RateLimits:directline:PermitLimit"] = "3", ["RateLimits:directline:WindowSeconds"] = "60" });

    public async Task DisposeAsync()
    {
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        TempDir.Delete(_dataDir);
    }

    [Fact]
    public async Task Too_many_direct_line_calls_from_one_address_get_429_with_retry_after()
    {
        var address = _bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await http.PostAsJsonAsync("/v3/directline/tokens/generate", new { user = new { id = $"u{i}" } });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.True(response.Headers.RetryAfter is not null);
            }
        }
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }
}
