extern alias api;
using Assistant.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using ApiProgram = api::Program;

namespace Assistant.Bot.Tests.Infrastructure;

/// <summary>The real API in memory (demo data, temp LiteDB) and the real bot host on a loopback port, wired together.</summary>
public sealed class BotHostFixture : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();
    public WebApplication Bot { get; private set; } = null!;
    public Uri BotUrl { get; private set; } = null!;
    public string DataDir { get; } = TempDir.Create();

    public async Task InitializeAsync()
    {
        _ = Api.Server; // start the API
        Bot = await BotHosts.StartAsync(DataDir, Api.Server.BaseAddress.ToString(), () => Api.Server.CreateHandler(),
            new Dictionary<string, string?> { ["Auth:BotServiceKey"] = ApiFactory.BotServiceKey });
        BotUrl = new Uri(Bot.Urls.First());
    }

    public IBot CreateBot() => Bot.Services.CreateScope().ServiceProvider.GetRequiredService<IBot>();

    public T Get<T>() where T : notnull => Bot.Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        await Bot.StopAsync();
        await Bot.DisposeAsync();
        await Api.DisposeAsync();
        TempDir.Delete(DataDir);
    }
}

public static class BotHosts
{
    /// <summary>Starts the bot host exactly as Program.cs does, on a free loopback port, with its own store folder.</summary>
    public static async Task<WebApplication> StartAsync(string dataDir, string apiBaseUrl, Func<HttpMessageHandler>? apiHandler = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        var config = new Dictionary<string, string?>
        {
            ["Store:DataDir"] = dataDir, ["Store:MongoUrl"] = "", ["Store:FileName"] = "bot.db", ["Store:SeedDemoData"] = "false",
            ["Api:BaseUrl"] = apiBaseUrl, ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAssistantBot();
        if (apiHandler is not null)
            builder.Services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = apiHandler()));
        var app = builder.Build();
        app.MapAssistantBot();
        await app.StartAsync();
        return app;
    }
}

public sealed class ApiFactory : WebApplicationFactory<ApiProgram>
{
    /// <summary>The shared bot → API credential (start.sh generates one per installation).</summary>
    public const string BotServiceKey = "bot-tests-service-key";

    private readonly string _dataDir = TempDir.Create();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Store:DataDir", _dataDir);
        builder.UseSetting("Store:MongoUrl", "");
        builder.UseSetting("Auth:BotServiceKey", BotServiceKey);
    }

    /// <summary>A client signed in as a demo account (staff, finance, org, admin; password demo).</summary>
    public async Task<HttpClient> ClientForAsync(string username)
    {
        var client = CreateClient();
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TempDir.Delete(_dataDir);
    }
}

public static class TempDir
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "assistant-bot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try { Directory.Delete(path, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotHostFixture>
{
    public const string Name = "bot host";
}
