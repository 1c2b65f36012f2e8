using System.Collections.Concurrent;
using System.Linq.Expressions;
using LiteDB;

namespace Assistant.Platform.Storage;

/// <summary>
/// The embedded engine. One process owns the data file: LiteDB's direct mode does not lock the file on Linux,
/// so we hold an exclusive lock file beside it and fail fast when another instance has it (ADR 0002).
/// </summary>
public sealed class LiteDbStore : IDocumentStore, IDisposable
{
    private readonly StoreSchema _schema;
    private readonly LiteDatabase _db;
    private readonly FileStream _lock;
    private readonly LiteDbWriter _writer;
    private readonly LiteDbLogFile _log;
    private readonly ConcurrentDictionary<Type, object> _collections = new();
    private volatile bool _schemaApplied;

    public LiteDbStore(string dataDirectory, string fileName, StoreSchema schema)
    {
        _schema = schema;
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, fileName));
        _lock = AcquireLock(path + ".lock");
        Mapper = CreateMapper();
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

    private static FileStream AcquireLock(string lockPath)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix, released by the kernel if we are killed.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StoreLockedException(lockPath[..^5], e);
        }
    }

    private static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper
        {
            EmptyStringToNull = false,
            TrimWhitespace = false,
            EnumAsInteger = false,
        };
        // LiteDB hands DateTimes back in local time; the domain works in UTC everywhere.
        mapper.RegisterType(
            serialize: (DateTime d) => new BsonValue(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
            deserialize: b => b.AsDateTime.ToUniversalTime());
        return mapper;
    }

    private BsonExpression ToBsonExpression(Type documentType, LambdaExpression field) =>
        (BsonExpression)typeof(BsonMapper).GetMethod(nameof(BsonMapper.GetExpression))!
            .MakeGenericMethod(documentType, field.ReturnType)
            .Invoke(Mapper, [field])!;
}

internal sealed class LiteDbCollection<T>(ILiteCollection<T> collection, string name, LiteDbWriter writer, LiteDbStore store) : IDocumentCollection<T>
    where T : class, IDocument
{
    private readonly ILiteCollection<BsonDocument> _raw = store.Raw(name);
    private readonly BsonMapper _mapper = store.Mapper;
    private readonly LiteDbReadCache _cache = new();
    // The mapper keeps member names (no field-name resolver is configured), so the version field is "Version".
    private readonly string _versionField = nameof(IDocument.Version);

    // Writes run on the store's single writer thread (group commit). Documents are mapped to BSON on the caller's
    // thread (the writer only stores them) and each closure sets every field it relies on, because a failed batch is
    // replayed write by write. After the commit the writer refreshes the read cache.
    public Task InsertAsync(T document, CancellationToken ct = default)
    {
        document.Version = 1;
        var bson = _mapper.ToDocument(document);
        return writer.Enqueue(() => Insert(bson), _ => _cache.Committed(document.Id, bson));
    }

    public Task InsertWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument
    {
        var other = (LiteDbCollection<TCompanion>)store.Collection<TCompanion>();
        document.Version = 1;
        companion.Version = 1;
        var (bson, companionBson) = (_mapper.ToDocument(document), _mapper.ToDocument(companion));
        return writer.Enqueue(() => Insert(bson) && other.Insert(companionBson), _ =>
        {
            _cache.Committed(document.Id, bson);
            other._cache.Committed(companion.Id, companionBson);
        });
    }

    public Task InsertManyAsync(IReadOnlyCollection<T> documents, CancellationToken ct = default)
    {
        foreach (var document in documents) document.Version = 1;
        var bson = documents.Select(d => (d.Id, Document: _mapper.ToDocument(d))).ToList();
        return writer.Enqueue(() => Translate(() => _raw.InsertBulk(bson.Select(b => b.Document))),
            _ => { foreach (var (id, document) in bson) _cache.Committed(id, document); });
    }

    public Task<T?> GetAsync(string id, CancellationToken ct = default)
    {
        if (_cache.TryGet(id, out var cached)) return Task.FromResult<T?>(_mapper.ToObject<T>(cached));
        var readAt = _cache.Generation;
        BsonDocument? stored;
        lock (store.EngineLock) stored = _raw.FindById(id);
        if (stored is null) return Task.FromResult<T?>(null);
        _cache.Offer(id, stored, readAt);
        return Task.FromResult<T?>(_mapper.ToObject<T>(stored));
    }

    public Task<IReadOnlyList<T>> FindAsync(
        Expression<Func<T, bool>> filter, Expression<Func<T, object>>? orderBy = null, bool descending = false,
        int skip = 0, int? take = null, CancellationToken ct = default)
    {
        // The query runs on BSON under the engine lock; mapping to T happens outside it.
        var query = _raw.Query().Where(_mapper.GetExpression(filter));
        if (orderBy is not null)
            query = query.OrderBy(_mapper.GetExpression(orderBy), descending ? Query.Descending : Query.Ascending);
        var result = query.Skip(skip);
        List<BsonDocument> found;
        lock (store.EngineLock) found = take is { } limit ? result.Limit(limit).ToList() : result.ToList();
        IReadOnlyList<T> items = found.ConvertAll(_mapper.ToObject<T>);
        return Task.FromResult(items);
    }

    public Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken ct = default)
    {
        lock (store.EngineLock) return Task.FromResult(collection.LongCount(filter));
    }

    public async Task<bool> ReplaceAsync(T document, CancellationToken ct = default)
    {
        var expected = document.Version;
        document.Version = expected + 1;
        var bson = _mapper.ToDocument(document);
        document.Version = expected;
        var replaced = await writer.Enqueue(() =>
        {
            // The check reads inside the writer's transaction, so it sees earlier writes of the same batch.
            var current = _raw.FindById(document.Id);
            if (current is null || current[_versionField].AsInt64 != expected) return false;
            return Translate(() => _raw.Update(bson));
        }, done => { if (done) _cache.Committed(document.Id, bson); });
        document.Version = replaced ? expected + 1 : expected;
        return replaced;
    }

    public async Task UpsertAsync(T document, CancellationToken ct = default)
    {
        var bson = _mapper.ToDocument(document);
        var version = await writer.Enqueue(() =>
        {
            var current = _raw.FindById(document.Id);
            var next = (current is null ? 0 : current[_versionField].AsInt64) + 1;
            bson[_versionField] = next;
            Translate(() => _raw.Upsert(bson));
            return next;
        }, _ => _cache.Committed(document.Id, bson));
        document.Version = version;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        writer.Enqueue(() => _raw.Delete(id), _ => _cache.Committed(id, null));

    private bool Insert(BsonDocument bson) => Translate(() => _raw.Insert(bson)) is not null;

    internal TResult Translate<TResult>(Func<TResult> write)
    {
        try
        {
            return write();
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateKeyException(name, IndexName(e), e);
        }
    }

    private static string? IndexName(LiteException e)
    {
        // "Cannot insert duplicate key in unique index 'name'. The duplicate value is '…'."
        var start = e.Message.IndexOf('\'');
        var end = start < 0 ? -1 : e.Message.IndexOf('\'', start + 1);
        return end > start ? e.Message[(start + 1)..end] : null;
    }
}
