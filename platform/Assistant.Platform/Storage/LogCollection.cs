using System.Collections.Concurrent;
using System.Linq.Expressions;
using LiteDB;

namespace Assistant.Platform.Storage;

internal interface ILogCollection
{
    string Name { get; }

    void Load(string id, byte[] bson, long version);
}

/// <summary>
/// One collection of a <see cref="LogStore"/>. Each document is kept as the BSON it was stored as and, once something
/// reads it, as one shared object mapped from that BSON (so it reads back exactly as it will after a restart), which
/// filters run on; every read hands out a deep copy of that object, so callers may change what they get. Documents
/// nobody reads (audit events, most ratings) stay compact bytes. Writes are checked and applied under the store's write
/// gate; reads take no lock.
/// </summary>
internal sealed class LogCollection<T>(LogStore store, CollectionDefinition definition) : IDocumentCollection<T>, ILogCollection
    where T : class, IDocument
{
    /// <summary>
    /// A stored version, replaced whole by the next write: its BSON, its value for each declared index, and the object
    /// mapped from the BSON, kept from the second read on (two threads may both make it; either is right). Most documents
    /// are read once or never (a rating link, a rating): keeping their objects only made the garbage collector copy them.
    /// </summary>
    internal sealed record Slot(string Id, byte[] Bson, object[] Keys, long Version, long Order)
    {
        public T? View { get; set; }

        public bool ReadBefore { get; set; }

        /// <summary>The write's fsync until it completes; then a completed task, so the slot does not keep the write alive.</summary>
        public Task Durable { get; set; } = Task.CompletedTask;
    }

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly LogIndex<T>[] _indexes = [.. definition.Indexes.Select(i => new LogIndex<T>(i))];
    private long _order;

    public string Name => definition.Name;

    private BsonMapper Mapper => store.Mapper;

    public void Load(string id, byte[] bson, long version) =>
        Put(new Slot(id, bson, _indexes.Length == 0 ? [] : KeysOf(Map(bson)), version, ++_order), null);

    private T Map(byte[] bson) => Mapper.ToObject<T>(BsonSerializer.Deserialize(bson));

    private T ViewOf(Slot slot) => slot.View ??= Map(slot.Bson);

    private object[] KeysOf(T document) => Array.ConvertAll(_indexes, i => i.KeyOf(document));

    /// <summary>
    /// Index values are read from the caller's object instead of one mapped back from BSON (which costs as much as the
    /// mapping to BSON), since strings, numbers and enums come back unchanged; dates do not (UTC, whole milliseconds),
    /// so a collection with a date index maps.
    /// </summary>
    private readonly bool _keysNeedMapping = definition.Indexes.Any(i =>
        (Nullable.GetUnderlyingType(i.Field.ReturnType) ?? i.Field.ReturnType) is var t && t != typeof(string) && !t.IsPrimitive && !t.IsEnum && t != typeof(decimal));

    public Task InsertAsync(T document, CancellationToken ct = default) => store.WriteAsync([Insert(document)]);

    public Task InsertWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument =>
        store.WriteAsync([Insert(document), Other<TCompanion>().Insert(companion)]);

    public Task<bool> ReplaceWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument =>
        store.WriteAsync([Replace(document), Other<TCompanion>().Insert(companion)]);

    public Task InsertManyAsync(IReadOnlyCollection<T> documents, CancellationToken ct = default) =>
        documents.Count == 0 ? Task.CompletedTask : store.WriteAsync([.. documents.Select(Insert)]);

    public Task InsertManyWithAsync<TCompanion>(IReadOnlyCollection<T> documents, IReadOnlyCollection<TCompanion> companions,
        CancellationToken ct = default) where TCompanion : class, IDocument
    {
        var other = Other<TCompanion>();
        return store.WriteAsync([.. documents.Select(Insert), .. companions.Select(other.Insert)]);
    }

    public Task<bool> ReplaceAsync(T document, CancellationToken ct = default) => store.WriteAsync([Replace(document)]);

    public Task UpsertAsync(T document, CancellationToken ct = default) => store.WriteAsync([new Change(this, document, Change.Upsert)]);

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        Task durable;
        lock (store.WriteGate)
        {
            if (!_slots.TryGetValue(id, out var slot)) return false;
            durable = store.AppendDelete($"{Name}/{id}");
            Remove(slot);
        }
        await durable;
        return true;
    }

    public async Task<T?> GetAsync(string id, CancellationToken ct = default)
    {
        store.ThrowIfStopped();
        if (!_slots.TryGetValue(id, out var slot)) return null;
        if (!slot.Durable.IsCompleted) await slot.Durable.WaitAsync(ct);
        return Copy(slot);
    }

    public async Task<IReadOnlyList<T>> FindAsync(
        Expression<Func<T, bool>> filter, Expression<Func<T, object>>? orderBy = null, bool descending = false,
        int skip = 0, int? take = null, CancellationToken ct = default)
    {
        var before = store.LastWrite;
        var matched = Match(filter);
        if (orderBy is null)
        {
            matched.Sort((a, b) => a.Order.CompareTo(b.Order));
        }
        else
        {
            var (key, values) = LogQuery<T>.Prepare(orderBy);
            var keyed = matched.ConvertAll(s => (Slot: s, Key: key.Run(values, ViewOf(s))));
            var sign = descending ? -1 : 1;
            keyed.Sort((a, b) => SortOrder.Compare(a.Key, b.Key) * sign is var c and not 0 ? c : a.Slot.Order.CompareTo(b.Slot.Order));
            matched = keyed.ConvertAll(k => k.Slot);
        }
        var page = matched.Skip(skip).Take(take ?? int.MaxValue).ToList();
        if (!before.IsCompleted) await before.WaitAsync(ct);
        return page.ConvertAll(Copy);
    }

    public async Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken ct = default)
    {
        var before = store.LastWrite;
        var count = Match(filter).Count;
        if (!before.IsCompleted) await before.WaitAsync(ct);
        return count;
    }

    /// <summary>
    /// What a read hands out: on a first read, the object mapped from BSON; after that, a deep copy of the shared object
    /// (mapping again gives the same, slower).
    /// </summary>
    private T Copy(Slot slot)
    {
        if (slot.View is null && !slot.ReadBefore)
        {
            slot.ReadBefore = true;
            return Map(slot.Bson);
        }
        try
        {
            return DocumentCopy.Of(ViewOf(slot));
        }
        catch (NotSupportedException)
        {
            return Map(slot.Bson);
        }
    }

    private List<Slot> Match(Expression<Func<T, bool>> filter)
    {
        store.ThrowIfStopped();
        var (query, values) = LogQuery<T>.Prepare(filter);
        // Not _slots.Values: that takes every lock of the dictionary and copies all of it, on every query.
        IEnumerable<Slot>? candidates = null;
        foreach (var (path, value) in query.Equalities)
            if (_indexes.FirstOrDefault(i => i.Path == path) is { } index && index.Lookup(values[value]) is { } ids)
            {
                candidates = ids.Select(id => _slots.GetValueOrDefault(id)).OfType<Slot>();
                break;
            }
        candidates ??= _slots.Select(p => p.Value);
        var matched = new List<Slot>();
        foreach (var slot in candidates)
            if (Evaluate(query, values, ViewOf(slot))) matched.Add(slot);
        return matched;
    }

    private static bool Evaluate(LogQuery<T>.Compiled<bool> query, object?[] values, T view)
    {
        try
        {
            return query.Run(values, view);
        }
        catch (Exception e) when (e is InvalidOperationException or NullReferenceException)
        {
            // .Value of a null Nullable<T>, or an indexer on a null list (member access is already null-safe): a null
            // field matches nothing, as on MongoDB.
            return false;
        }
    }

    private Change Insert(T document)
    {
        document.Version = 1;
        return new Change(this, document, Change.Insert);
    }

    private Change Replace(T document) => new(this, document, document.Version);

    private LogCollection<TOther> Other<TOther>() where TOther : class, IDocument => (LogCollection<TOther>)store.Collection<TOther>();

    /// <summary>Under the write gate (or while loading). A replaced document keeps its place in the natural order.</summary>
    private void Put(Slot slot, Slot? previous)
    {
        for (var i = 0; i < _indexes.Length; i++) _indexes[i].Move(slot.Id, previous?.Keys[i], slot.Keys[i]);
        _slots[slot.Id] = slot;
    }

    private long OrderAfter(Slot? previous) => previous?.Order ?? Interlocked.Increment(ref _order);

    private void Remove(Slot slot)
    {
        _slots.TryRemove(slot.Id, out _);
        for (var i = 0; i < _indexes.Length; i++) _indexes[i].Move(slot.Id, slot.Keys[i], null);
    }

    /// <summary>
    /// One document's part of a write. The document is mapped on the caller's thread; under the write gate the change is
    /// checked against what is stored (and against the other changes of the same write), then applied.
    /// </summary>
    internal sealed class Change : LogChange
    {
        public const long Insert = -1, Upsert = -2;
        private readonly LogCollection<T> _collection;
        private readonly T _document;
        private readonly long _mode;
        private readonly object[] _keys;
        private readonly T? _view;
        private long _version;
        private byte[]? _bytes;
        private Slot? _previous;
        private Slot? _applied;

        /// <param name="mode"><see cref="Insert"/>, <see cref="Upsert"/>, or the version a replace expects.</param>
        public Change(LogCollection<T> collection, T document, long mode)
        {
            (_collection, _document, _mode) = (collection, document, mode);
            _version = mode switch { Insert => 1, Upsert => 0, _ => mode + 1 };
            // An upsert's version is known only under the write gate (Check); before that, only a date index needs the BSON.
            if (mode != Upsert || collection._keysNeedMapping)
            {
                var bytes = Bson(mode >= 0 ? _version : document.Version);
                if (mode != Upsert) _bytes = bytes;
                if (collection._keysNeedMapping) _view = collection.Map(bytes);
            }
            _keys = collection.KeysOf(_view ?? document);
        }

        /// <summary>The document's BSON as it will be stored with <paramref name="version"/>; the caller's object is left as it was.</summary>
        private byte[] Bson(long version)
        {
            var given = _document.Version;
            _document.Version = version;
            try
            {
                return DocumentBsonWriter.TryWrite(_document) ?? BsonSerializer.Serialize(_collection.Mapper.ToDocument(_document));
            }
            finally
            {
                _document.Version = given;
            }
        }

        private string Id => _document.Id;

        public override bool Check(HashSet<(string, string, object)> claimed)
        {
            var exists = _collection._slots.TryGetValue(Id, out _previous);
            if (_mode == Insert && (exists || !claimed.Add((_collection.Name, "_id", Id))))
                throw Duplicate(null);
            if (_mode >= 0 && (!exists || _previous!.Version != _mode)) return false;
            for (var i = 0; i < _keys.Length; i++)
            {
                var index = _collection._indexes[i];
                if (index.Unique && (index.Holder(_keys[i], except: Id) is not null || !claimed.Add((_collection.Name, index.Name, _keys[i]))))
                    throw Duplicate(index.Name);
            }
            if (_mode == Upsert)
            {
                _version = (_previous?.Version ?? 0) + 1;
                _view?.Version = _version;
                _bytes = Bson(_version);
            }
            return true;
        }

        public override (string Key, byte[] Value, long? ExpectedVersion) Record() =>
            ($"{_collection.Name}/{Id}", _bytes!, _mode switch { Insert => 0, Upsert => null, _ => _mode });

        public override void Apply(Task durable)
        {
            _applied = new Slot(Id, _bytes!, _keys, _version, _collection.OrderAfter(_previous)) { View = _view, Durable = durable };
            _collection.Put(_applied, _previous);
        }

        public override void Done()
        {
            _document.Version = _version;
            _applied!.Durable = Task.CompletedTask;
        }

        private DuplicateKeyException Duplicate(string? index) =>
            new(_collection.Name, index, new InvalidOperationException(index is null ? $"id '{Id}' is taken" : $"a unique value of '{index}' is taken"));
    }
}
