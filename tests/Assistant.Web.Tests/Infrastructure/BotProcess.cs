using System.Diagnostics;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>
/// The real bot host (bot/Assistant.Bot, built with this project) as a child process on a free loopback port,
/// with its own temp store, calling the test's API with the shared bot key and allowing the API's origin (CORS).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private Process? _process;
    private readonly List<string> _log = [];

    public BotProcess()
    {
        Port = ApiHost.FreePort();
        DirectLineDomain = $"http://127.0.0.1:{Port}/v3/directline";
    }

    public int Port { get; }
    public string DirectLineDomain { get; }
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "assistant-web-tests", "bot-" + Guid.NewGuid().ToString("N"));
    public string Log { get { lock (_log) return string.Join('\n', _log.TakeLast(40)); } }

    public async Task StartAsync(string apiBaseUrl, string botKey)
    {
        var dll = BotDll();
        var start = new ProcessStartInfo("dotnet", [dll, "--contentRoot", Path.GetDirectoryName(dll)!])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASSISTANT_MONGO_URL", "ASPNETCORE_ENVIRONMENT" }) start.Environment.Remove(name);
        start.Environment["ASSISTANT_BOT_PORT"] = Port.ToString();
        start.Environment["ASSISTANT_DATA_DIR"] = DataDir;
        start.Environment["ASSISTANT_API_URL"] = apiBaseUrl;
        start.Environment["ASSISTANT_BOT_SERVICE_KEY"] = botKey;
        start.Environment["Cors__Origins__0"] = apiBaseUrl;
        start.Environment["DOTNET_NOLOGO"] = "1";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 120; i++)
        {
            if (_process.HasExited) break;
            try
            {
                // Only the bot has Direct Line routes: a 404 there is another server on this port, which once was the
                // test's own API (both ports were picked free, one after the other) and failed the chat tests.
                if ((await http.GetAsync($"http://127.0.0.1:{Port}/health/ready")).IsSuccessStatusCode &&
                    (await http.GetAsync($"{DirectLineDomain}/conversations/readiness/activities")).StatusCode != System.Net.HttpStatusCode.NotFound)
                    return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"the bot did not become ready on port {Port}:\n{Log}");
    }

    /// <summary>The bot's build output for the same configuration as this test assembly (Debug or Release).</summary>
    private static string BotDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "bot", "Assistant.Bot", "bin", configuration, "net10.0", "Assistant.Bot.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: build bot/Assistant.Bot first");
        return dll;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
