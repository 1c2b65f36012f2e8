using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace Assistant.Platform.Storage;

/// <summary>One part of a write to a <see cref="LogStore"/>, possibly in another collection than the others.</summary>
internal abstract class LogChange
{
    /// <summary>Under the write gate: false on a version conflict; throws <see cref="DuplicateKeyException"/> on a clash.</summary>
    public abstract bool Check(HashSet<(string Collection, string Index, object Key)> claimed);

    public abstract (string Key, byte[] Value, long? ExpectedVersion) Record();

    /// <summary>Under the write gate, once the log has the records: the stored version becomes this one.</summary>
    public abstract void Apply(Task durable);

    /// <summary>After the write is durable: the caller's object learns its new version.</summary>
    public abstract void Done();
}

/// <summary>
/// A declared index of a <see cref="LogStore"/> collection: ids by field value. Changed only under the write gate; read
/// by queries without a lock (a query re-checks its whole filter on every document the index hands it).
/// </summary>
internal sealed class LogIndex<T>(IndexDefinition definition) where T : class, IDocument
{
    private static readonly object NullKey = new();
    private readonly Func<T, object?> _key = Expression.Lambda<Func<T, object?>>(
        Expression.Convert(definition.Field.Body, typeof(object)), definition.Field.Parameters).Compile();
    private readonly Type _keyType = Nullable.GetUnderlyingType(definition.Field.ReturnType) ?? definition.Field.ReturnType;
    // Per value, one id as a string (the common case, and every case of a unique index), or a set once there are more:
    // a set for every value of a unique index cost a few hundred bytes a document.
    private readonly ConcurrentDictionary<object, object> _ids = new();

    public string Name => definition.Name;

    public bool Unique => definition.Unique;

    /// <summary>"Field.Sub" for <c>x => x.Field.Sub</c>; null when the index is on something else.</summary>
    public string? Path { get; } = LogQuery<T>.PathOf(definition.Field.Body, definition.Field.Parameters[0]);

    /// <summary>The value as the index keeps it: a null field is kept too (MongoDB and LiteDB index it as null).</summary>
    public object KeyOf(T document) => _key(document) ?? NullKey;

    public string? Holder(object key, string except) => _ids.TryGetValue(key, out var ids) ? Ids(ids).FirstOrDefault(id => id != except) : null;

    /// <summary>The ids holding <paramref name="value"/>; null when the value is not of the field's type (then scan).</summary>
    public IEnumerable<string>? Lookup(object? value)
    {
        if (value is not null && value.GetType() != _keyType) return null;
        return _ids.TryGetValue(value ?? NullKey, out var ids) ? Ids(ids) : [];
    }

    private static IEnumerable<string> Ids(object ids) => ids as string is { } one ? [one] : ((ConcurrentDictionary<string, byte>)ids).Keys;

    /// <summary>The document <paramref name="id"/> moves from the value <paramref name="old"/> to <paramref name="now"/> (null: none).</summary>
    public void Move(string id, object? old, object? now)
    {
        if (old is not null && now is not null && old.Equals(now)) return;
        if (old is not null && _ids.TryGetValue(old, out var was))
        {
            if (was is string one && one == id) _ids.TryRemove(old, out _);
            else if (was is ConcurrentDictionary<string, byte> set && set.TryRemove(id, out _) && set.IsEmpty) _ids.TryRemove(old, out _);
        }
        if (now is null) return;
        if (!_ids.TryGetValue(now, out var held)) _ids[now] = id;
        else if (held is string single && single != id) _ids[now] = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal) { [single] = 0, [id] = 0 };
        else if (held is ConcurrentDictionary<string, byte> set) set[id] = 0;
    }
}
