using System.Collections.Concurrent;
using LiteDB;

namespace Assistant.Platform.Storage;

/// <summary>
/// Reads by id from memory. One process owns the embedded store and every write goes through its writer thread
/// (ADR 0003), so the writer can keep this cache exact: after each commit it puts the written document in (or takes a
/// deleted one out). A document read from the engine is only kept if no write committed while it was being read,
/// so a slow reader can never put back a version older than the one a writer just stored. A lookup through LiteDB's
/// query pipeline (a read transaction and a parsed expression per call) was about 70 % of the bot's state reads.
/// </summary>
internal sealed class LiteDbReadCache
{
    private const int Capacity = 20_000;
    private readonly ConcurrentDictionary<string, BsonDocument> _documents = new(StringComparer.Ordinal);
    private long _generation;
    private long _calls;

    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string id, out BsonDocument document) => _documents.TryGetValue(id, out document!);

    public void Offer(string id, BsonDocument document, long readAt)
    {
        if (Generation != readAt) return;
        MakeRoom();
        _documents.TryAdd(id, document);
    }

    /// <summary>Called by the writer after the commit that stored <paramref name="document"/> (null: deleted).</summary>
    public void Committed(string id, BsonDocument? document)
    {
        Interlocked.Increment(ref _generation);
        if (document is null)
        {
            _documents.TryRemove(id, out _);
            return;
        }
        MakeRoom();
        _documents[id] = document;
    }

    private void MakeRoom()
    {
        // Whole-cache reset instead of LRU bookkeeping: documents are small and a refill costs one read each.
        // ConcurrentDictionary.Count takes every lock of the table, so it is only looked at every 256th call.
        if ((Interlocked.Increment(ref _calls) & 255) == 0 && _documents.Count >= Capacity) _documents.Clear();
    }
}
