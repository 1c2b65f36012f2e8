namespace Assistant.Bench.Load;

public sealed record TargetCheck(string Target, string Measured, bool? Met);

/// <summary>
/// Issue 9's targets for this 2-core machine on the embedded store, judged from one run's results, so each run says
/// where it stands without reading the table against the README. A scenario left out of the run (--only) or a level
/// not measured shows as "not measured".
/// </summary>
public static class Targets
{
    public static IReadOnlyList<TargetCheck> Check(IReadOnlyList<ScenarioResult> results)
    {
        ScenarioResult? At64(string scenario) => results.FirstOrDefault(r => r.Scenario == scenario && r.Concurrency == 64);
        var policy = results.Where(r => r.Scenario == "policy-answer").ToList();
        return
        [
            Share("bot turn at 64 concurrent ≥ 25 % of the ceiling", At64("bot-turn"), 0.25),
            Latency("bot turn at 64 concurrent p99 < 50 ms", At64("bot-turn")?.P99Ms, 50),
            Share("rating submission at 64 concurrent ≥ 30 % of the ceiling", At64("rating-submit"), 0.30),
            Latency("policy answer p99 < 20 ms at every level", policy.Count == 0 ? null : policy.Max(r => r.P99Ms), 20),
        ];
    }

    private static TargetCheck Share(string target, ScenarioResult? result, double least) => result?.RatioToCeiling is { } ratio
        ? new(target, $"{ratio:P0} ({result.Throughput:F0} req/s)", ratio >= least)
        : new(target, "not measured", null);

    private static TargetCheck Latency(string target, double? p99, double under) => p99 is { } ms && !double.IsNaN(ms)
        ? new(target, $"p99 {ms:F1} ms", ms < under)
        : new(target, "not measured", null);
}
