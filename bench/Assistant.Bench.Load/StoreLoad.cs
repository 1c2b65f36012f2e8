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

    /// <summary>Shaped like a rating: several indexed ids shared by many documents, a date, a dictionary.</summary>
    public sealed class Scored : IDocument
    {
        public required string Id { get; init; }
        public long Version { get; set; }
        public string ContractId { get; set; } = "";
        public string ProjectId { get; set; } = "";
        public string OrganisationId { get; set; } = "";
        public string LinkVisitKey { get; set; } = "";
        public int Score { get; set; }
        public Dictionary<string, int> Dimensions { get; set; } = [];
        public string? Comment { get; set; }
        public string Channel { get; set; } = "link";
        public DateTime SubmittedAt { get; set; }
        public string? RectificationCaseId { get; set; }
    }

    /// <summary>Shaped like an audit event, written in the same commit as a <see cref="Scored"/>.</summary>
    public sealed class Event : IDocument
    {
        public required string Id { get; init; }
        public long Version { get; set; }
        public string Actor { get; set; } = "";
        public string Action { get; set; } = "";
        public string EntityType { get; set; } = "";
        public string EntityId { get; set; } = "";
        public string? ProjectId { get; set; }
        public string? Details { get; set; }
        public DateTime At { get; set; }
    }

    public static async Task<int> RunAsync(double seconds, int[] levels)
    {
        await RunPairsAsync(seconds, levels);
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

    /// <summary>
    /// What a rating submission asks of the store: a rating-shaped document and its audit event in one durable commit,
    /// with the garbage collector's share (the store keeps every document, so each commit leaves survivors).
    /// </summary>
    private static async Task RunPairsAsync(double seconds, int[] levels)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"assistant-store-bench-{Guid.NewGuid():N}");
        var schema = new StoreSchema();
        schema.Collection<Scored>("scored").Index("ux_scored_link_visit", x => x.LinkVisitKey, unique: true)
            .Index("ix_scored_contract", x => x.ContractId).Index("ix_scored_organisation", x => x.OrganisationId);
        schema.Collection<Event>("events").Index("ix_events_project", x => x.ProjectId).Index("ix_events_entity", x => x.EntityId);
        try
        {
            using var store = new LogStore(dir, "pairs.db", schema);
            var scored = store.Collection<Scored>();
            foreach (var level in levels)
            {
                var (pause, allocated, gcs) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), GC.CollectionCount(0));
                var clock = Stopwatch.StartNew();
                var result = await LoadRunner.RunAsync("store-pair", level, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(1), worker => async ct =>
                {
                    var id = Guid.NewGuid().ToString();
                    var rating = new Scored
                    {
                        Id = id, ContractId = $"HT-SY-2025-00{worker % 3}", ProjectId = "XM-SY-2025-001", OrganisationId = "ORG-0001",
                        LinkVisitKey = $"LNK-{id}:1", Score = 5, Comment = "服务很好", SubmittedAt = DateTime.UtcNow,
                    };
                    await scored.InsertWithAsync(rating, new Event
                    {
                        Id = Guid.CreateVersion7().ToString("N"), Actor = "recipient", Action = "rating.submitted", EntityType = "rating",
                        EntityId = id, ProjectId = rating.ProjectId, Details = $"score=5; channel=link; contract={rating.ContractId}", At = rating.SubmittedAt,
                    }, ct);
                    return true;
                });
                var done = result.Throughput * clock.Elapsed.TotalSeconds;
                Console.WriteLine($"{result.Scenario,-14} c={level,-3} {result.Throughput,8:F0} commits/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms  " +
                                  $"GC pauses {100 * (GC.GetTotalPauseDuration() - pause).TotalSeconds / clock.Elapsed.TotalSeconds:F1} % of the time ({GC.CollectionCount(0) - gcs} GCs), " +
                                  $"{(GC.GetTotalAllocatedBytes() - allocated) / done / 1024:F1} KB allocated a commit");
            }
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
