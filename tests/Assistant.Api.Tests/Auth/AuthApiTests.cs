using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Assistant.Api.Tests.Auth;

public sealed class AuthApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("staff", "purchaser")]
    [InlineData("finance", "finance")]
    [InlineData("org", "organisation")]
    public async Task Demo_accounts_sign_in_with_their_role(string username, string role)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new TokenRequest(username, "demo"));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options);
        Assert.Contains(role, token!.Roles);
        Assert.Equal(3, token.AccessToken.Split('.').Length);
    }

    [Fact]
    public async Task Wrong_password_is_401_problem_and_repeated_failures_lock_the_account()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("admin", "nope"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var locked = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("admin", "demo"));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var after = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("admin", "demo"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        // Its own API: the class fixture's store is already open, and one process owns an embedded store.
        using var api = new ApiFactory();
        using var shortLived = api.WithWebHostBuilder(b => b.UseSetting("Auth:TokenLifetimeMinutes", "5"));
        var client = shortLived.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("finance", "demo"))).Content.ReadFromJsonAsync<TokenResponse>(Json.Options);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token!.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit?take=1")).StatusCode);

        api.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/audit?take=1")).StatusCode);
    }

    [Fact]
    public async Task Missing_fields_get_field_errors()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { username = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Contains("Username", problem!.Errors.Keys);
        Assert.Contains("Password", problem.Errors.Keys);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task Swagger_document_is_served()
    {
        var json = await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");
        Assert.Contains("/api/projects", json);
        Assert.Contains("/api/auth/token", json);
    }
}
