using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Api.Auth;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Access;

/// <summary>
/// The API with a bot service key configured, plus a second organisation user (org-b, another organisation), a second
/// purchaser in another department (staff-b) and a colleague of the demo staff (staff-2). Settings can be added per
/// fixture (rate limits), since the limits are plain configuration.
/// </summary>
public class AccessFixture : IDisposable
{
    public const string BotKey = "test-bot-key-0123456789";
    public const string OtherOrganisation = "org-yangguang";
    public const string OtherDepartment = "咸宁市民政局";

    private readonly ApiFactory _api = new();

    public AccessFixture() : this(new Dictionary<string, string?>()) { }

    protected AccessFixture(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        App = _api.WithWebHostBuilder(b =>
        {
            if (services is not null) b.ConfigureServices(services);
            b.UseSetting("Auth:BotServiceKey", BotKey);
            b.UseSetting("RateLimits:Enabled", "false");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });
        var hasher = App.Services.GetRequiredService<IPasswordHasher<User>>();
        var users = Store.Collection<User>();
        foreach (var user in ExtraUsers())
        {
            user.PasswordHash = hasher.HashPassword(user, "demo");
            if (users.GetAsync(user.Id).GetAwaiter().GetResult() is null) users.InsertAsync(user).GetAwaiter().GetResult();
        }
    }

    public WebApplicationFactory<Program> App { get; }

    public FakeClock Clock => _api.Clock;

    public IDocumentStore Store => App.Services.GetRequiredService<IDocumentStore>();

    private static IEnumerable<User> ExtraUsers()
    {
        yield return new User { Id = "org-b", DisplayName = "阳光社工服务中心", PasswordHash = "", Roles = [Roles.Organisation], OrganisationId = OtherOrganisation };
        yield return new User { Id = "staff-b", DisplayName = "王科长（咸宁市民政局）", PasswordHash = "", Roles = [Roles.PurchaserStaff], Department = OtherDepartment, Region = "咸宁市" };
        yield return new User { Id = "staff-2", DisplayName = "张科员（上虞区民政局）", PasswordHash = "", Roles = [Roles.PurchaserStaff], Department = "上虞区民政局", Region = "上虞区" };
    }

    public HttpClient Anonymous() => App.CreateClient();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tokens = new();

    /// <summary>
    /// Signed in with a JWT as one of the demo or extra accounts (password demo). Tokens are reused within the fixture
    /// (they live 8 hours of the fake clock; no test moves it that far), since hashing a password per request is slow.
    /// </summary>
    public async Task<HttpClient> SignedInAsync(string username)
    {
        var client = App.CreateClient();
        if (!_tokens.TryGetValue(username, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, "demo"));
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options))!.AccessToken;
            _tokens[username] = token;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The bot's service credential, acting for <paramref name="actingUser"/> when given.</summary>
    public HttpClient Bot(string? actingUser = null, string key = BotKey)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Bot-Key", key);
        if (actingUser is not null) client.DefaultRequestHeaders.Add("X-Acting-User", actingUser);
        return client;
    }

    public void Dispose()
    {
        App.Dispose();
        _api.Dispose();
        GC.SuppressFinalize(this);
    }
}
