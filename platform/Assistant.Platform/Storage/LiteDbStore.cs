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
    private readonly ConcurrentDictionary<Type, object> _collections = new();
    private volatile bool _schemaApplied;

    public LiteDbStore(string dataDirectory, string fileName, StoreSchema schema)
    {
        _schema = schema;
        Directory.CreateDirectory(dataDirectory);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, fileName));
        _lock = AcquireLock(path + ".lock");
        Mapper = CreateMapper();
        _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, Mapper);
        _writer = new LiteDbWriter(_db);
    }

    private const string CreationMarker = "$created";

    public BsonMapper Mapper { get; }

    internal IReadOnlyCollection<string> CollectionNames => [.. _db.GetCollectionNames()];

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
        var present = _db.GetCollection("$indexes").FindAll()
            .Select(d => (d["collection"].AsString, d["name"].AsString)).ToHashSet();
        return Task.FromResult(expected.IsSubsetOf(present));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
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
    internal ILiteCollection<T> Lite => collection;

    // Writes run on the store's single writer thread (group commit); each closure sets every field it relies on,
    // because a failed batch is replayed write by write.
    public Task InsertAsync(T document, CancellationToken ct = default) => writer.Enqueue(() =>
    {
        document.Version = 1;
        Translate(() => collection.Insert(document));
        return true;
    });

    public Task InsertWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument
    {
        var other = (LiteDbCollection<TCompanion>)store.Collection<TCompanion>();
        return writer.Enqueue(() =>
        {
            document.Version = 1;
            companion.Version = 1;
            Translate(() => collection.Insert(document));
            other.Translate(() => other.Lite.Insert(companion));
            return true;
        });
    }

    public Task InsertManyAsync(IReadOnlyCollection<T> documents, CancellationToken ct = default) => writer.Enqueue(() =>
    {
        foreach (var document in documents) document.Version = 1;
        return Translate(() => collection.InsertBulk(documents));
    });

    public Task<T?> GetAsync(string id, CancellationToken ct = default) =>
        Task.FromResult<T?>(collection.FindById(id));

    public Task<IReadOnlyList<T>> FindAsync(
        Expression<Func<T, bool>> filter, Expression<Func<T, object>>? orderBy = null, bool descending = false,
        int skip = 0, int? take = null, CancellationToken ct = default)
    {
        var query = collection.Query().Where(filter);
        if (orderBy is not null)
            query = descending ? query.OrderByDescending(orderBy) : query.OrderBy(orderBy);
        var result = query.Skip(skip);
        IReadOnlyList<T> items = take is { } limit ? result.Limit(limit).ToList() : result.ToList();
        return Task.FromResult(items);
    }

    public Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken ct = default) =>
        Task.FromResult(collection.LongCount(filter));

    public async Task<bool> ReplaceAsync(T document, CancellationToken ct = default)
    {
        var expected = document.Version;
        var replaced = await writer.Enqueue(() =>
        {
            document.Version = expected;
            var current = collection.FindById(document.Id);
            if (current is null || current.Version != expected) return false;
            document.Version = expected + 1;
            return Translate(() => collection.Update(document));
        });
        document.Version = replaced ? expected + 1 : expected;
        return replaced;
    }

    public Task UpsertAsync(T document, CancellationToken ct = default) => writer.Enqueue(() =>
    {
        var current = collection.FindById(document.Id);
        document.Version = (current?.Version ?? 0) + 1;
        return Translate(() => collection.Upsert(document));
    });

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        writer.Enqueue(() => collection.Delete(id));

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
