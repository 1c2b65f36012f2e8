using System.Collections.Concurrent;
using System.Linq.Expressions;
using LiteDB;
using Microsoft.Win32.SafeHandles;

namespace Assistant.Platform.Storage;

/// <summary>
/// The embedded engine. One process owns the data file: LiteDB's direct mode does not lock the file on Linux,
/// so we hold an exclusive lock file beside it and fail fast when another instance has it (ADR 0002).
/// Writes go through one writer thread with group commit (<see cref="LiteDbWriter"/>), made durable through the log
/// file we open ourselves (<see cref="LiteDbLogFile"/>); reads by id come from a cache that writer keeps exact
/// (<see cref="LiteDbReadCache"/>); every other call into the engine holds <see cref="EngineLock"/> (ADR 0009).
/// </summary>
public sealed class LiteDbStore : IDocumentStore, IDisposable
{
    private readonly StoreSchema _schema;
    private readonly LiteDatabase _db;
    private readonly SafeFileHandle _lock;
    private readonly LiteDbWriter _writer;
    private readonly LiteDbLogFile _log;
    private readonly ConcurrentDictionary<Type, object> _collections = new();
    private volatile bool _schemaApplied;

    public LiteDbStore(string dataDirectory, string fileName, StoreSchema schema)
    {
        _schema = schema;
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, fileName));
        _lock = ExclusiveFile.Open(path + ".lock", path);
        Mapper = DocumentBson.CreateMapper();
        _log = new LiteDbLogFile(path);
        var engine = new LiteDB.Engine.LiteEngine(new LiteDB.Engine.EngineSettings { Filename = path, LogStream = _log });
        _log.Attach(engine);
        _db = new LiteDatabase(engine, Mapper);
        _writer = new LiteDbWriter(_db, _log, EngineLock);
    }

    private const string CreationMarker = "$created";

    /// <summary>
    /// Held around every call into the engine (reads here, the writer's batches and commits). LiteDB 5's page cache
    /// is not safe for concurrent use: a reader can take a cached page just as another thread, growing the cache,
    /// recycles it as unused ("pages in memory store must be non-shared"), after which every query fails. Seen under
    /// the Direct Line bench; the same family of bugs as LiteDB #2792/#2825. Reads by id mostly come from the read
    /// cache and never take this lock; the fsync after a commit happens outside it.
    /// </summary>
    internal object EngineLock { get; } = new();

    public BsonMapper Mapper { get; }

    internal LiteDbLogFile Log => _log;

    internal IReadOnlyCollection<string> CollectionNames => [.. _db.GetCollectionNames()];

    internal ILiteCollection<BsonDocument> Raw(string name) => _db.GetCollection(name);

    public string EngineName => "LiteDB";

    public IDocumentCollection<T> Collection<T>() where T : class, IDocument =>
        (IDocumentCollection<T>)_collections.GetOrAdd(typeof(T), _ =>
            new LiteDbCollection<T>(_db.GetCollection<T>(_schema.For(typeof(T)).Name), _schema.For(typeof(T)).Name, _writer, this));

    public void ApplySchema()
    {
        _writer.Enqueue(() =>
        {
            foreach (var collection in _schema.Collections)
            {
                var liteCollection = _db.GetCollection(collection.Name);
                // LiteDB 5 creates a collection on its first write, and a reader that looks the collection up while
                // that write commits can read an all-zero page ("page type must be collection page"), which closes
                // the engine (LiteDB #2792). Creating every collection here, before any reader, closes that race.
                if (!_db.CollectionExists(collection.Name))
                {
                    liteCollection.Insert(new BsonDocument { ["_id"] = CreationMarker });
                    liteCollection.Delete(CreationMarker);
                }
                foreach (var index in collection.Indexes)
                    liteCollection.EnsureIndex(index.Name, ToBsonExpression(collection.DocumentType, index.Field), index.Unique);
            }
            return true;
        }).GetAwaiter().GetResult();
        _schemaApplied = true;
    }

    public Task<bool> IsReadyAsync(CancellationToken ct = default)
    {
        if (!_schemaApplied) return Task.FromResult(false);
        var expected = _schema.Collections.SelectMany(c => c.Indexes.Select(i => (c.Name, i.Name))).ToHashSet();
        HashSet<(string, string)> present;
        lock (EngineLock)
            present = _db.GetCollection("$indexes").FindAll().Select(d => (d["collection"].AsString, d["name"].AsString)).ToHashSet();
        return Task.FromResult(expected.IsSubsetOf(present));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
        _log.Dispose();
        _lock.Dispose();
    }

    private BsonExpression ToBsonExpression(Type documentType, LambdaExpression field) =>
        (BsonExpression)typeof(BsonMapper).GetMethod(nameof(BsonMapper.GetExpression))!
            .MakeGenericMethod(documentType, field.ReturnType)
            .Invoke(Mapper, [field])!;
}
