using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Assistant.Platform.Storage;
using LiteDB;

namespace Assistant.Bench.Load;

/// <summary>
/// Crash safety: submits ratings and bids under load, kills the API with SIGKILL at random moments, restarts it,
/// and finally checks that every submission that got a success response is stored exactly once and that the
/// store file opens cleanly.
/// </summary>
public sealed class Crash(string apiDll, string dataDir, int port, int kills, int workers)
{
    private readonly string _url = $"http://127.0.0.1:{port}";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<string, string> _ratings = new();   // idempotency key → rating id
    private readonly ConcurrentDictionary<string, string> _bids = new();      // receipt → bid id
    private readonly ConcurrentQueue<string> _links = new();
    private Process? _api;

    public async Task<int> RunAsync()
    {
        var random = new Random(Environment.TickCount);
        await StartAsync();
        var staff = await ApiSetup.SignInAsync(_http, _url, "staff");
        var org = await ApiSetup.SignInAsync(_http, _url, "org");
        await ApiSetup.AddRatingLinksAsync(_http, _url, staff, "HT-SY-2025-001", kills * workers * 400, _links);
        for (var round = 1; round <= kills; round++)
        {
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, org, stop.Token))).ToArray();
            await Task.Delay(random.Next(300, 1500));
            _api!.Kill(entireProcessTree: true); // SIGKILL: no shutdown hooks, no flush
            await _api.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(load);
            Console.WriteLine($"kill {round}/{kills}: {_ratings.Count} ratings and {_bids.Count} bids acknowledged so far");
            await StartAsync();
        }
        _api!.Kill(entireProcessTree: true);
        await _api.WaitForExitAsync();
        return Verify();
    }

    private async Task WorkAsync(int worker, string orgToken, CancellationToken stop)
    {
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (worker % 4 == 3) await BidAsync(orgToken, n++, stop);
                else await RateAsync(stop);
            }
            catch (Exception)
            {
                // The server died mid-request: the outcome is unknown, so it is not counted as acknowledged.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    private async Task RateAsync(CancellationToken ct)
    {
        if (!_links.TryDequeue(out var token)) return;
        var key = Guid.NewGuid().ToString();
        using var r = await _http.PostAsJsonAsync($"{_url}/api/ratings", new { token, idempotencyKey = key, score = 5, dimensions = new { }, comment = "crash test" }, ct);
        if (r.IsSuccessStatusCode) _ratings[key] = (await r.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<string>();
    }

    private async Task BidAsync(string orgToken, int n, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_url}/api/projects/SY-2026-001/bids")
        { Content = JsonContent.Create(new { price = 600_000 - n, planSummary = $"crash test offer {n}", declaredNotExcluded = true }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", orgToken);
        using var r = await _http.SendAsync(request, ct);
        if (!r.IsSuccessStatusCode) return;
        var body = await r.Content.ReadFromJsonAsync<JsonObject>(ct);
        _bids[body!["receiptNumber"]!.GetValue<string>()] = body["id"]?.GetValue<string>() ?? "";
    }

    private int Verify()
    {
        // Opening the log directly (the API is stopped) is itself the check that the store opens cleanly: every record
        // up to a torn last one must read back and parse.
        using var log = KeyValueLog.OpenBinary(Path.Combine(dataDir, "assistant.log"));
        var stored = log.ReadAll().Select(r => (Collection: r.Key[..r.Key.IndexOf('/')], Document: BsonSerializer.Deserialize(r.Value))).ToList();
        var problems = new List<string>();
        var ratings = stored.Where(r => r.Collection == "ratings").Select(r => r.Document).ToList();
        var ratingIds = ratings.Select(d => d["_id"].AsString).ToHashSet();
        problems.AddRange(_ratings.Keys.Where(key => !ratingIds.Contains(key)).Select(key => $"rating {key}: acknowledged but not stored"));
        var byLink = ratings.GroupBy(d => d["LinkVisitKey"].AsString).Where(g => g.Count() > 1).ToList();
        problems.AddRange(byLink.Select(g => $"link {g.Key} rated {g.Count()} times"));
        var receipts = stored.Where(r => r.Collection == "bids").Select(r => r.Document)
            .SelectMany(b => new[] { b["ReceiptNumber"].AsString }.Concat(b["History"].AsArray.Select(h => h["ReceiptNumber"].AsString)))
            .ToHashSet();
        problems.AddRange(_bids.Keys.Where(r => !receipts.Contains(r)).Select(r => $"bid receipt {r} acknowledged but not stored"));
        Console.WriteLine($"verified {_ratings.Count} acknowledged ratings and {_bids.Count} acknowledged bids after {kills} SIGKILLs: {(problems.Count == 0 ? "all present exactly once" : $"{problems.Count} problems")}");
        foreach (var p in problems.Take(20)) Console.WriteLine("  " + p);
        return problems.Count == 0 && _ratings.Count > 0 ? 0 : 1;
    }

    private async Task StartAsync()
    {
        // Otherwise a process left on the port (say, from an interrupted run) would read as a store that did not reopen.
        if (System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Any(l => l.Port == port))
            throw new InvalidOperationException($"Port {port} is already in use by another process; stop it or pass --port.");
        var info = new ProcessStartInfo("dotnet", [apiDll, "--contentRoot", Path.GetDirectoryName(apiDll)!])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
        };
        info.Environment["ASSISTANT_DATA_DIR"] = dataDir;
        info.Environment["ASSISTANT_API_PORT"] = port.ToString();
        info.Environment["ASSISTANT_MONGO_URL"] = "";
        info.Environment["RateLimits__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        _api = Process.Start(info)!;
        _api.OutputDataReceived += (_, _) => { };
        _api.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[api] " + e.Data); };
        _api.BeginOutputReadLine();
        _api.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var r = await _http.GetAsync($"{_url}/health/ready");
                if (r.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (_api.HasExited) throw new InvalidOperationException($"API exited with {_api.ExitCode} on restart: the store did not open cleanly");
            await Task.Delay(100);
        }
        throw new TimeoutException("API did not become ready after restart");
    }
}
