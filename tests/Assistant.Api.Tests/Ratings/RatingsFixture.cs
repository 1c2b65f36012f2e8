using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Ratings;

/// <summary>
/// The API for the rating and evaluation tests: ApiFactory with request limits off, since these tests submit many
/// ratings from one (test) address on purpose; the limits themselves are tested in Access/RateLimitTests.
/// </summary>
public sealed class RatingsFixture : IDisposable
{
    private readonly ApiFactory _api = new();

    public RatingsFixture() => App = _api.WithWebHostBuilder(b => b.UseSetting("RateLimits:Enabled", "false"));

    public WebApplicationFactory<Program> App { get; }

    public FakeClock Clock => _api.Clock;

    public IServiceProvider Services => App.Services;

    public IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();

    public HttpClient CreateClient() => App.CreateClient();

    /// <summary>Signed in at the current (fake) time: sign in again after moving the clock far.</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        var client = App.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, "demo"));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public void Dispose()
    {
        App.Dispose();
        _api.Dispose();
    }
}
