using System.Collections.Concurrent;
using LiteDB;

namespace Assistant.Platform.Storage;

/// <summary>
/// The embedded engine (ADR 0011): every document in memory (as BSON, and as an object once read), every write
/// appended to one <see cref="KeyValueLog"/> and fsynced (group commit) before it is acknowledged. A write that spans documents (a rating and its audit event) is one
/// record, all or none. Queries run the features' LINQ filters over the documents in memory, through the declared
/// indexes when a filter compares an indexed field with a value. One process owns the files: the log is locked, and a
/// second process gets <see cref="StoreLockedException"/>.
/// </summary>
public sealed class LogStore : IDocumentStore, IDisposable
{
    private readonly StoreSchema _schema;
    private readonly KeyValueLog _log;
    private readonly ConcurrentDictionary<Type, ILogCollection> _collections = new();
    private readonly Dictionary<string, ILogCollection> _byName = new(StringComparer.Ordinal);
    private Task _lastWrite = Task.CompletedTask;
    private volatile Exception? _failed;

    /// <summary>
    /// Opens <c>&lt;name&gt;.log</c> in <paramref name="dataDirectory"/>. A data directory of an earlier version holds a
    /// LiteDB file instead: the first start copies its documents, with their versions, into the new log.
    /// </summary>
    public LogStore(string dataDirectory, string fileName, StoreSchema schema, long compactAbove = 64 << 20)
    {
        _schema = schema;
        Mapper = DocumentBson.CreateMapper();
        Directory.CreateDirectory(dataDirectory);
        PathOnDisk = Path.GetFullPath(Path.Combine(dataDirectory, Path.ChangeExtension(fileName, ".log")));
        var earlier = Path.Combine(dataDirectory, fileName);
        _log = KeyValueLog.OpenBinary(PathOnDisk, File.Exists(earlier) ? () => FromLiteDb(dataDirectory, fileName, schema) : null,
            compactAbove);
        try
        {
            foreach (var definition in schema.Collections) _byName[definition.Name] = For(definition.DocumentType);
            foreach (var (key, value, version) in _log.ReadAll())
            {
                var slash = key.IndexOf('/');
                // Collections no longer declared stay in the file untouched.
                if (slash > 0 && _byName.TryGetValue(key[..slash], out var collection))
                    collection.Load(key[(slash + 1)..], value, version);
            }
        }
        catch
        {
            _log.Dispose(); // releases the lock, so the error is what the next start reports, not "already in use"
            throw;
        }
    }

    public string PathOnDisk { get; }

    public string EngineName => "embedded log";

    internal BsonMapper Mapper { get; }

    /// <summary>Held while a write is checked against the documents in memory and appended to the log.</summary>
    internal object WriteGate { get; } = new();

    internal KeyValueLog Log => _log;

    public IDocumentCollection<T> Collection<T>() where T : class, IDocument => (IDocumentCollection<T>)For(typeof(T));

    private ILogCollection For(Type type) => _collections.GetOrAdd(type, t =>
    {
        var definition = _schema.For(t);
        return (ILogCollection)Activator.CreateInstance(typeof(LogCollection<>).MakeGenericType(t), this, definition)!;
    });

    /// <summary>Indexes are built as documents load; nothing to apply. Kept so start-up reads the same on every engine.</summary>
    public void ApplySchema() => ThrowIfStopped();

    public Task<bool> IsReadyAsync(CancellationToken ct = default) => Task.FromResult(_failed is null && _log.Failure is null);

    /// <summary>
    /// Checks every change against memory and the others, appends them to the log as one record and applies them to
    /// memory, all under the write gate; then waits until the record is durable. False (nothing written) on a version
    /// conflict. Readers of a document this write touches wait for the same fsync.
    /// </summary>
    internal async Task<bool> WriteAsync(LogChange[] changes)
    {
        Task durable;
        lock (WriteGate)
        {
            ThrowIfStopped();
            var claimed = new HashSet<(string, string, object)>();
            foreach (var change in changes)
                if (!change.Check(claimed)) return false;
            var records = Array.ConvertAll(changes, c => c.Record());
            // Memory has just checked the versions; the log keeps the same ones, so it cannot disagree.
            durable = Watch(_log.PutAllAsync(records));
            _lastWrite = durable;
            foreach (var change in changes) change.Apply(durable);
        }
        await durable;
        foreach (var change in changes) change.Done();
        return true;
    }

    /// <summary>Under <see cref="WriteGate"/>.</summary>
    internal Task AppendDelete(string key)
    {
        ThrowIfStopped();
        var deleted = Watch(_log.DeleteAsync(key));
        _lastWrite = deleted;
        return deleted;
    }

    private async Task Watch(Task write)
    {
        try
        {
            if (write is Task<long[]?> put && await put is null) throw new InvalidOperationException("The log refused a write the store had checked.");
            await write;
        }
        catch (Exception e)
        {
            // Memory may now hold what the file does not: nothing more is served until the process restarts.
            _failed ??= e;
            throw;
        }
    }

    /// <summary>Queries answer only from durable writes: they wait for the last write appended before they ran.</summary>
    internal Task LastWrite => Volatile.Read(ref _lastWrite);

    internal void ThrowIfStopped()
    {
        if (_failed is { } failed) throw new IOException("The embedded store stopped after a failed write; restart the process.", failed);
    }

    private static IEnumerable<(string Key, byte[] Value, long Version)> FromLiteDb(string dataDirectory, string fileName, StoreSchema schema)
    {
        using var lite = new LiteDbStore(dataDirectory, fileName, schema);
        var names = lite.CollectionNames;
        var copied = new List<(string, byte[], long)>();
        foreach (var definition in schema.Collections.Where(c => names.Contains(c.Name)))
            foreach (var document in lite.Raw(definition.Name).FindAll())
            {
                var version = document.TryGetValue(nameof(IDocument.Version), out var v) && v.IsNumber ? v.AsInt64 : 1;
                copied.Add(($"{definition.Name}/{document["_id"].AsString}", BsonSerializer.Serialize(document), version));
            }
        return copied;
    }

    public void Dispose() => _log.Dispose();
}
