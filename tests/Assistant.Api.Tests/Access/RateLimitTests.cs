using System.Net;
using System.Net.Http.Json;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Access;

/// <summary>Small limits, and each test calls from its own client address (set at the edge, as a proxy would).</summary>
public sealed class RateLimitedFixture() : AccessFixture(new Dictionary<string, string?>
{
    ["RateLimits:Enabled"] = "true",
    ["RateLimits:auth:PermitLimit"] = "3",
    ["RateLimits:ratings:PermitLimit"] = "2",
    ["RateLimits:public:PermitLimit"] = "5",
    ["RateLimits:user:PermitLimit"] = "50",
    ["RateLimits:bot:PermitLimit"] = "8",
}, services => services.AddSingleton<IStartupFilter, ClientAddress>())
{
    public HttpClient From(string ip, HttpClient? client = null)
    {
        client ??= Anonymous();
        client.DefaultRequestHeaders.Add(ClientAddress.Header, ip);
        return client;
    }
}

/// <summary>Test edge only: takes the client address from a header, since the in-memory server has no network.</summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var ip)) context.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class RateLimitTests(RateLimitedFixture api) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task Sign_in_is_limited_per_address_with_429_problem_and_retry_after()
    {
        var client = api.From("10.0.0.1");
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("org", "wrong-" + i))).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("org", "demo"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("请求过于频繁", (await limited.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var elsewhere = await api.From("10.0.0.2").PostAsJsonAsync("/api/auth/token", new TokenRequest("org", "demo"));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Public_endpoints_are_limited_per_address()
    {
        var client = api.From("10.0.1.1");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/projects?take=1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/projects?take=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.From("10.0.1.2").GetAsync("/api/projects?take=1")).StatusCode);
    }

    [Fact]
    public async Task Rating_submissions_have_a_stricter_limit()
    {
        var client = api.From("10.0.2.1");
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/ratings", new { score = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/ratings", new { score = 5 })).StatusCode);
    }

    [Fact]
    public async Task The_bot_has_its_own_budget_not_the_public_one_of_its_address()
    {
        var ip = "10.0.3.1";
        var anonymous = api.From(ip);
        for (var i = 0; i < 6; i++) await anonymous.GetAsync("/api/projects?take=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/projects?take=1")).StatusCode);

        var bot = api.From(ip, api.Bot("staff"));
        for (var i = 0; i < 8; i++)
            Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync("/api/projects?take=1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await bot.GetAsync("/api/projects?take=1")).StatusCode);
    }

    [Fact]
    public async Task Signed_in_users_are_limited_per_account_not_by_a_shared_address()
    {
        var ip = "10.0.4.1";
        var anonymous = api.From(ip);
        for (var i = 0; i < 6; i++) await anonymous.GetAsync("/api/projects?take=1");
        var staff = api.From(ip, await api.SignedInAsync("staff"));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/projects?take=1")).StatusCode);
    }
}
