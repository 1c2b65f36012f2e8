using Assistant.Platform.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.State;

/// <summary>
/// The embedded deployment's bot state: a <see cref="KeyValueLog"/> beside the bot's document store (ADR 0010). State
/// is only ever read and written whole by key, so it needs no document mapping, query or index at all. Opened when the host starts (after the store, whose <c>bot_state</c> documents a new log starts
/// with), closed when it stops.
/// </summary>
public sealed class LogStateRecords(IOptions<StoreOptions> options, IDocumentStore store, ILogger<LogStateRecords> logger)
    : IStateRecords, IHostedService, IHealthCheck, IDisposable
{
    private KeyValueLog? _log;

    private KeyValueLog Log => _log ?? throw new InvalidOperationException("The bot state log is not open yet (it opens when the host starts).");

    public string PathOnDisk => Path.Combine(options.Value.DataDir, Path.GetFileNameWithoutExtension(options.Value.FileName) + "-state.log");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UsesMongo) return;
        // State that versions before the log kept in the store's bot_state collection starts a new log.
        var earlier = File.Exists(PathOnDisk) ? null : await store.Collection<BotStateDocument>().FindAsync(_ => true, ct: cancellationToken);
        _log = KeyValueLog.Open(PathOnDisk, earlier is null ? null : () => earlier.Select(d => (d.Id, d.Json, d.Version)));
        if (_log.TruncatedBytes > 0)
            logger.LogWarning("Bot state log: cut {Bytes} bytes of a write that a crash interrupted (never acknowledged)", _log.TruncatedBytes);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _log?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _log?.Dispose();

    public async Task<(string Json, long Version)?> ReadAsync(string key, CancellationToken ct) =>
        await Log.GetAsync(key, ct) is { } stored ? (stored.Value, stored.Version) : null;

    public Task<long?> WriteAsync(string key, string json, long? expectedVersion, CancellationToken ct) =>
        Log.PutAsync(key, json, expectedVersion, ct);

    public Task DeleteAsync(string key, CancellationToken ct) => Log.DeleteAsync(key, ct);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Value.UsesMongo ? HealthCheckResult.Healthy("bot state in MongoDB")
            : _log is { Failure: null, CompactionFailure: { } compaction } ? HealthCheckResult.Degraded("bot state log open, but it could not compact: the file grows", compaction)
            : _log is { Failure: null } ? HealthCheckResult.Healthy("bot state log open")
            : HealthCheckResult.Unhealthy(_log is null ? "bot state log not open" : "bot state log stopped after an I/O failure", _log?.Failure));
}
