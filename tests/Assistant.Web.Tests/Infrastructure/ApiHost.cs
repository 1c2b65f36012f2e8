using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>
/// The real API (demo data, fresh embedded store in a temp folder) listening with Kestrel on a free loopback
/// port, so a real browser can load the built mobile web from it, same origin as the API.
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    private readonly string _directLineDomain;
    private readonly string _botKey;

    public ApiHost(string directLineDomain, string botKey)
    {
        _directLineDomain = directLineDomain;
        _botKey = botKey;
        // Not the bot's port: it was picked free a moment ago and released, so the system may hand it out again.
        do Port = FreePort(); while (directLineDomain.Contains($":{Port}/", StringComparison.Ordinal));
        BaseUrl = $"http://127.0.0.1:{Port}";
        UseKestrel(Port);
    }

    public int Port { get; }
    public string BaseUrl { get; }
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "assistant-web-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", BaseUrl);
        builder.UseSetting("Store:DataDir", DataDir);
        builder.UseSetting("Store:MongoUrl", "");
        builder.UseSetting("MobileWeb:Root", RepoPaths.Dist);
        builder.UseSetting("MobileWeb:DirectLineDomain", _directLineDomain);
        builder.UseSetting("Auth:BotServiceKey", _botKey);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
