using System.Text.Json;
using Assistant.Bench.Load;

// Usage: Assistant.Bench.Load ceiling <port>                      (the bare Kestrel ceiling, as its own process)
//        Assistant.Bench.Load crash [--kills 10] [--workers 8] [--api-dll path] [--data dir]
//        Assistant.Bench.Load state-log-crash [--kills 10]              (the bot state log under SIGKILL)
//        Assistant.Bench.Load store [--seconds 3] [--levels 1,16,64]  (the embedded store alone: durable inserts/s)
//        Assistant.Bench.Load run --api URL --bot URL --ceiling URL [--seconds 5] [--levels 1,16,64] [--first-warmup 6] [--out file.json]
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

if (args is ["ceiling", var port])
{
    var (app, url) = await Ceiling.StartAsync(int.Parse(port));
    Console.WriteLine($"ceiling listening at {url}");
    await app.WaitForShutdownAsync();
    return 0;
}

if (args is ["crash", ..])
{
    return await new Crash(Arg("--api-dll", "api/Assistant.Api/bin/Release/net10.0/Assistant.Api.dll"),
        Arg("--data", Path.Combine(Path.GetTempPath(), $"assistant-crash-{Guid.NewGuid():N}")),
        int.Parse(Arg("--port", "5190")), int.Parse(Arg("--kills", "10")), int.Parse(Arg("--workers", "8"))).RunAsync();
}

if (args is ["state-log-crash", ..]) return await StateLogCrash.RunAsync(int.Parse(Arg("--kills", "10")));
if (args is ["state-log-writer", var logPath]) return await StateLogCrash.WriteUntilKilledAsync(logPath);

if (args is ["store", ..])
{
    return await StoreLoad.RunAsync(double.Parse(Arg("--seconds", "3")), Arg("--levels", "1,16,64").Split(',').Select(int.Parse).ToArray());
}

var apiUrl = Arg("--api", "http://127.0.0.1:5080");
var botUrl = Arg("--bot", "http://127.0.0.1:3978");
var ceilingUrl = Arg("--ceiling", "http://127.0.0.1:5099/ceiling");
var seconds = double.Parse(Arg("--seconds", "5"));
var levels = Arg("--levels", "1,16,64").Split(',').Select(int.Parse).ToArray();
var only = Arg("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
var outFile = Arg("--out", "bench/results/latest.json");
var duration = TimeSpan.FromSeconds(seconds);
var warmup = TimeSpan.FromSeconds(Math.Min(2, seconds / 2));
var firstWarmup = TimeSpan.FromSeconds(double.Parse(Arg("--first-warmup", "6")));
// A scenario's first level also waits for the JIT's tiering to settle on its code path: measured alone, a fresh bot
// ran its first seconds at a third of its steady rate, and six seconds were not always enough (6,350 bot turns a second
// against 12,000 after a longer run). So the first level warms up at least that long, then until steady (LoadRunner),
// at most 20 s more. Not for ratings: their links are made beforehand for a known duration.
TimeSpan WarmupFor(int level) => level == levels[0] ? firstWarmup : warmup;
TimeSpan? SteadyWithin(string name, int level) => level == levels[0] && name != "rating-submit" ? TimeSpan.FromSeconds(20) : null;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{ Timeout = TimeSpan.FromSeconds(30) };
var scenarios = new Scenarios(http, apiUrl, botUrl);
var results = new List<ScenarioResult>();

async Task Run(string name, Func<int, Func<CancellationToken, Task<bool>>> worker, Func<int, Task>? prepare = null)
{
    if (only.Length > 0 && !only.Contains(name) && name != "ceiling") return;
    foreach (var level in levels)
    {
        if (prepare is not null) await prepare(level);
        Console.Error.WriteLine($"running {name} c={level}");
        var before = name == "ceiling" ? null : await AdjacentCeilingAsync(level);
        var result = await LoadRunner.RunAsync(name, level, duration, WarmupFor(level), worker, SteadyWithin(name, level));
        if (name == "rating-submit" && scenarios.TakeRatingPoolDry() is > 0 and var dry)
            Console.WriteLine($"warning: {dry} rating workers ran out of links; the rating figure below is a lower bound");
        // The host's speed drifts over minutes (the ceiling alone moved 44,000-71,000 between runs): each scenario level
        // is compared with the ceiling measured just before and just after it, not with the one from the start.
        var ceiling = name == "ceiling" ? result.Throughput : (before!.Value + await AdjacentCeilingAsync(level)) / 2;
        result = result with { RatioToCeiling = ceiling > 0 ? result.Throughput / ceiling : null, AdjacentCeiling = ceiling };
        results.Add(result);
        Console.WriteLine($"{result.Scenario,-18} c={level,-3} {result.Throughput,9:F0} req/s  p50 {result.P50Ms,7:F2} ms  p95 {result.P95Ms,7:F2} ms  p99 {result.P99Ms,7:F2} ms  errors {result.Errors}  ratio {result.RatioToCeiling:P0} of {ceiling:F0}  (warm-up {result.WarmupSeconds:F1} s)");
    }
}

async Task<double?> AdjacentCeilingAsync(int level) =>
    (await LoadRunner.RunAsync("ceiling", level, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(0.5), _ => scenarios.Ceiling(ceilingUrl))).Throughput;

await Run("ceiling", _ => scenarios.Ceiling(ceilingUrl));
await Run("project-search", scenarios.ProjectSearch);
await Run("policy-answer", scenarios.PolicyAnswer);
await Run("rating-submit", scenarios.RatingSubmission, level => scenarios.PrepareRatingLinksAsync("HT-SY-2025-001",
    (int)((seconds + WarmupFor(level).TotalSeconds) * RatingPoolPerSecond(level))));
await Run("bot-turn", scenarios.BotTurn);
await Run("directline-turn", scenarios.DirectLineTurn);

// Links for the most a level could submit: ~30,000/s would be half of the ceiling here; fewer for the low levels.
static int RatingPoolPerSecond(int level) => Math.Min(30_000, 4_000 * level);

Console.WriteLine();
Console.WriteLine("| scenario | concurrency | req/s | p50 ms | p95 ms | p99 ms | errors | ceiling beside it | vs ceiling |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
    Console.WriteLine($"| {r.Scenario} | {r.Concurrency} | {r.Throughput:F0} | {r.P50Ms:F2} | {r.P95Ms:F2} | {r.P99Ms:F2} | {r.Errors} | {r.AdjacentCeiling:F0} | {(r.RatioToCeiling is { } x ? x.ToString("P0") : "—")} |");
var targets = Targets.Check(results);
Console.WriteLine();
Console.WriteLine("Targets (issue 9, embedded store):");
foreach (var t in targets)
    Console.WriteLine($"  {t.Target}: {t.Measured}{t.Met switch { true => " — met", false => " — NOT met", null => "" }}");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(new { at = DateTime.UtcNow, machine = Environment.MachineName, cores = Environment.ProcessorCount, seconds, results, targets }, Scenarios.JsonOptions));
Console.WriteLine($"results written to {outFile}");
return results.Any(r => r.Requests == 0) ? 1 : 0;
