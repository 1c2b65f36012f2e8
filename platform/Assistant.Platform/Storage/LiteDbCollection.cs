using System.Linq.Expressions;
using LiteDB;

namespace Assistant.Platform.Storage;

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
        var bson = Mapped(documents);
        return writer.Enqueue(() => InsertBulk(bson),
            _ => { foreach (var (id, document) in bson) _cache.Committed(id, document); });
    }

    public Task InsertManyWithAsync<TCompanion>(IReadOnlyCollection<T> documents, IReadOnlyCollection<TCompanion> companions,
        CancellationToken ct = default) where TCompanion : class, IDocument
    {
        var other = (LiteDbCollection<TCompanion>)store.Collection<TCompanion>();
        var bson = Mapped(documents);
        var companionBson = other.Mapped(companions);
        return writer.Enqueue(() => InsertBulk(bson) + other.InsertBulk(companionBson), _ =>
        {
            foreach (var (id, document) in bson) _cache.Committed(id, document);
            foreach (var (id, document) in companionBson) other._cache.Committed(id, document);
        });
    }

    private List<(string Id, BsonDocument Document)> Mapped(IReadOnlyCollection<T> documents)
    {
        foreach (var document in documents) document.Version = 1;
        return documents.Select(d => (d.Id, Document: _mapper.ToDocument(d))).ToList();
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

    public Task<bool> ReplaceAsync(T document, CancellationToken ct = default) => ReplaceAsync<T>(document, null);

    public Task<bool> ReplaceWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument =>
        ReplaceAsync(document, companion);

    private async Task<bool> ReplaceAsync<TCompanion>(T document, TCompanion? companion) where TCompanion : class, IDocument
    {
        var expected = document.Version;
        document.Version = expected + 1;
        var bson = _mapper.ToDocument(document);
        document.Version = expected;
        var other = companion is null ? null : (LiteDbCollection<TCompanion>)store.Collection<TCompanion>();
        if (companion is not null) companion.Version = 1;
        var companionBson = companion is null ? null : _mapper.ToDocument(companion);
        var replaced = await writer.Enqueue(() =>
        {
            var current = Current(document.Id);
            if (current is null || current[_versionField].AsInt64 != expected) return false;
            var updated = Translate(() => _raw.Update(bson));
            writer.Wrote(name, document.Id);
            if (updated && other is not null) other.Insert(companionBson!);
            return updated;
        }, done =>
        {
            if (!done) return;
            _cache.Committed(document.Id, bson);
            if (other is not null) other._cache.Committed(companion!.Id, companionBson);
        });
        document.Version = replaced ? expected + 1 : expected;
        return replaced;
    }

    public async Task UpsertAsync(T document, CancellationToken ct = default)
    {
        var bson = _mapper.ToDocument(document);
        var version = await writer.Enqueue(() =>
        {
            var current = Current(document.Id);
            var next = (current is null ? 0 : current[_versionField].AsInt64) + 1;
            bson[_versionField] = next;
            Translate(() => _raw.Upsert(bson));
            writer.Wrote(name, document.Id);
            return next;
        }, _ => _cache.Committed(document.Id, bson));
        document.Version = version;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        writer.Enqueue(() =>
        {
            writer.Wrote(name, id);
            return _raw.Delete(id);
        }, _ => _cache.Committed(id, null));

    private bool Insert(BsonDocument bson)
    {
        var inserted = Translate(() => _raw.Insert(bson)) is not null;
        writer.Wrote(name, bson["_id"].AsString);
        return inserted;
    }

    private int InsertBulk(List<(string Id, BsonDocument Document)> documents)
    {
        var inserted = Translate(() => _raw.InsertBulk(documents.Select(d => d.Document)));
        foreach (var (id, _) in documents) writer.Wrote(name, id);
        return inserted;
    }

    /// <summary>
    /// Writer thread: the document as this transaction sees it. A read through LiteDB's query pipeline was the
    /// largest part of a bot state save (perf), so the read cache's copy is used when it is the committed one.
    /// </summary>
    private BsonDocument? Current(string id) =>
        !writer.WroteInThisTransaction(name, id) && _cache.TryGet(id, out var cached) ? cached : _raw.FindById(id);

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
