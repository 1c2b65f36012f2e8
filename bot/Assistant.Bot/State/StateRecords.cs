using Assistant.Platform.Storage;

namespace Assistant.Bot.State;

/// <summary>
/// Where the bot's state entries live, one JSON text and version per Bot Framework storage key. On MongoDB they are
/// documents of the shared database, so every bot instance sees them; on the embedded deployment they are records of
/// the bot's own append-only log (<see cref="LogStateRecords"/>, ADR 0010).
/// </summary>
public interface IStateRecords
{
    Task<(string Json, long Version)?> ReadAsync(string key, CancellationToken ct);

    /// <summary>
    /// Stores <paramref name="json"/> under <paramref name="key"/>. With <paramref name="expectedVersion"/> the write
    /// succeeds only if the key is missing (it is created, as MemoryStorage does) or still at that version. Returns
    /// the stored version, or null on a conflict.
    /// </summary>
    Task<long?> WriteAsync(string key, string json, long? expectedVersion, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>State entries as <see cref="BotStateDocument"/>s of the document store (MongoDB; earlier embedded versions).</summary>
public sealed class DocumentStateRecords(IDocumentStore store, TimeProvider clock) : IStateRecords
{
    private IDocumentCollection<BotStateDocument> Documents => store.Collection<BotStateDocument>();

    public async Task<(string Json, long Version)?> ReadAsync(string key, CancellationToken ct) =>
        await Documents.GetAsync(key, ct) is { } document ? (document.Json, document.Version) : null;

    public async Task<long?> WriteAsync(string key, string json, long? expectedVersion, CancellationToken ct)
    {
        var document = new BotStateDocument { Id = key, Json = json, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        if (expectedVersion is not { } version)
        {
            await Documents.UpsertAsync(document, ct);
            return document.Version;
        }
        document.Version = version;
        if (await Documents.ReplaceAsync(document, ct)) return document.Version;
        if (await Documents.GetAsync(key, ct) is not null) return null;
        try
        {
            await Documents.InsertAsync(document, ct);
            return document.Version;
        }
        catch (DuplicateKeyException)
        {
            return null; // created concurrently
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct) => Documents.DeleteAsync(key, ct);
}
