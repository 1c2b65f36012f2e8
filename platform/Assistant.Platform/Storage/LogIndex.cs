using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace Assistant.Platform.Storage;

/// <summary>One part of a write to a <see cref="LogStore"/>, possibly in another collection than the others.</summary>
internal abstract class LogChange
{
    /// <summary>Under the write gate: false on a version conflict; throws <see cref="DuplicateKeyException"/> on a clash.</summary>
    public abstract bool Check(HashSet<(string Collection, string Index, object Key)> claimed);

    public abstract (string Key, string Value, long? ExpectedVersion) Record();

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
    private readonly ConcurrentDictionary<object, ConcurrentDictionary<string, byte>> _ids = new();

    public string Name => definition.Name;

    public bool Unique => definition.Unique;

    /// <summary>"Field.Sub" for <c>x => x.Field.Sub</c>; null when the index is on something else.</summary>
    public string? Path { get; } = LogQuery<T>.PathOf(definition.Field.Body, definition.Field.Parameters[0]);

    /// <summary>The value as the index keeps it: a null field is kept too (MongoDB and LiteDB index it as null).</summary>
    public object KeyOf(T document) => _key(document) ?? NullKey;

    public string? Holder(object key, string except) =>
        _ids.TryGetValue(key, out var ids) ? ids.Keys.FirstOrDefault(id => id != except) : null;

    /// <summary>The ids holding <paramref name="value"/>; null when the value is not of the field's type (then scan).</summary>
    public ICollection<string>? Lookup(object? value)
    {
        if (value is not null && value.GetType() != _keyType) return null;
        return _ids.TryGetValue(value ?? NullKey, out var ids) ? ids.Keys : [];
    }

    public void Move(string id, T? from, T? to)
    {
        var (old, now) = (from is null ? null : KeyOf(from), to is null ? null : KeyOf(to));
        if (old is not null && now is not null && old.Equals(now)) return;
        if (old is not null && _ids.TryGetValue(old, out var was))
        {
            was.TryRemove(id, out _);
            if (was.IsEmpty) _ids.TryRemove(old, out _);
        }
        if (now is not null) _ids.GetOrAdd(now, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[id] = 0;
    }
}
