using System.Diagnostics;

namespace Assistant.Bench.Load;

public sealed record ScenarioResult(string Scenario, int Concurrency, long Requests, long Errors, double Seconds,
    double Throughput, double P50Ms, double P95Ms, double P99Ms, double? RatioToCeiling = null, double WarmupSeconds = 0,
    double? AdjacentCeiling = null);

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers each send one request, wait for it, and send the next,
/// for a fixed duration after a warm-up. Latency is per request; throughput is completed requests per second.
/// With <c>steadyWithin</c> the warm-up goes on after its minimum until two consecutive seconds complete within 10 % of
/// each other (or that much longer has passed): a fresh process speeds up for many seconds while the JIT tiers its code.
/// </summary>
public static class LoadRunner
{
    public static async Task<ScenarioResult> RunAsync(string name, int concurrency, TimeSpan duration, TimeSpan warmup,
        Func<int, Func<CancellationToken, Task<bool>>> workerFactory, TimeSpan? steadyWithin = null)
    {
        long completed = 0;
        var workers = Enumerable.Range(0, concurrency).Select(workerFactory).ToArray();
        var latencies = new List<double>[concurrency];
        var errors = new long[concurrency];
        using var stop = new CancellationTokenSource();
        var measuring = false;
        var clock = Stopwatch.StartNew();
        var tasks = workers.Select((work, i) => Task.Run(async () =>
        {
            latencies[i] = new List<double>(4096);
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await work(stop.Token); }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { break; }
                catch (Exception) { ok = false; }
                Interlocked.Increment(ref completed);
                if (!Volatile.Read(ref measuring)) continue;
                if (ok) latencies[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                else errors[i]++;
            }
        })).ToArray();

        await Task.Delay(warmup);
        if (steadyWithin is { } limit) await UntilSteadyAsync(() => Interlocked.Read(ref completed), limit);
        var warmedUp = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref measuring, true);
        var measuredFrom = clock.Elapsed;
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var seconds = (clock.Elapsed - measuredFrom).TotalSeconds;
        stop.Cancel();
        await Task.WhenAll(tasks);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Pct(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        return new ScenarioResult(name, concurrency, all.Length, errors.Sum(), seconds, all.Length / seconds, Pct(0.50), Pct(0.95), Pct(0.99),
            WarmupSeconds: Math.Round(warmedUp, 1));
    }

    private static async Task UntilSteadyAsync(Func<long> completed, TimeSpan limit)
    {
        var elapsed = Stopwatch.StartNew();
        long previous = -1;
        while (elapsed.Elapsed < limit)
        {
            var before = completed();
            await Task.Delay(TimeSpan.FromSeconds(1));
            var rate = completed() - before;
            if (previous > 0 && Math.Abs(rate - previous) <= previous / 10) return;
            previous = rate;
        }
    }
}
