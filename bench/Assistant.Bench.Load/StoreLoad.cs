using System.Diagnostics;
using Assistant.Platform.Storage;

namespace Assistant.Bench.Load;

/// <summary>
/// The embedded store alone, without HTTP: concurrent inserts through the same group-commit writer the services use
/// (one fsync per commit, a unique index and a second index like ratings have). This is the ceiling any write
/// scenario (rating submission, bids, bot state) can reach on the embedded store on this machine.
/// </summary>
public static class StoreLoad
{
    public sealed class Entry : IDocument
    {
        public required string Id { get; init; }
        public long Version { get; set; }
        public string Key { get; set; } = "";
        public string Comment { get; set; } = "";
        public int Score { get; set; }
    }

    public static async Task<int> RunAsync(double seconds, int[] levels)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"assistant-store-bench-{Guid.NewGuid():N}");
        var schema = new StoreSchema();
        schema.Collection<Entry>("entries").Index("ux_entries_key", e => e.Key, unique: true).Index("ix_entries_score", e => e.Score);
        try
        {
            var store = new LogStore(dir, "bench.db", schema);
            store.ApplySchema();
            var entries = store.Collection<Entry>();
            foreach (var level in levels)
            {
                var result = await LoadRunner.RunAsync("store-insert", level, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(1), _ => async ct =>
                {
                    var id = Guid.NewGuid().ToString("N");
                    await entries.InsertAsync(new Entry { Id = id, Key = id, Comment = "服务很好，很满意", Score = 5 }, ct);
                    return true;
                });
                Console.WriteLine($"{result.Scenario,-14} c={level,-3} {result.Throughput,8:F0} inserts/s  p50 {result.P50Ms,6:F2} ms  p95 {result.P95Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms");
            }
            // The embedded store keeps every document in memory (ADR 0011): what one costs, once nothing else is live.
            var documents = await entries.CountAsync(_ => true);
            store.Dispose();
            (store, entries) = (null!, null!);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var opening = Stopwatch.StartNew();
            using var reopened = new LogStore(dir, "bench.db", schema);
            var opened = opening.Elapsed;
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"reopened with {documents:N0} documents in {opened.TotalSeconds:F1} s; memory {(after - before) / (double)documents:F0} bytes " +
                              $"a document ({(after - before) / 1048576.0:F0} MB), log {new FileInfo(reopened.PathOnDisk).Length / 1048576.0:F0} MB");
            GC.KeepAlive(reopened);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
        return 0;
    }
}
