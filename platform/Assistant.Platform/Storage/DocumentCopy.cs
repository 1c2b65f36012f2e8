using System.Collections.Concurrent;
using System.Reflection;

namespace Assistant.Platform.Storage;

/// <summary>
/// A deep copy of a stored document's object graph, for <see cref="LogStore"/> reads: every read must hand out an
/// object the caller may change, and mapping one from BSON was the largest cost of a rating submission's five reads
/// (ADR 0011). Documents are trees of plain classes, strings, value types, lists, dictionaries, sets and arrays; each
/// class is copied field by field (<c>MemberwiseClone</c>, then a copy of every field that can hold something mutable).
/// </summary>
internal static class DocumentCopy
{
    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    private static readonly ConcurrentDictionary<Type, FieldInfo[]> MutableFields = new();

    // One copier per collection type, made once: reflection per copy (Activator, GetProperty) was a fifth of what a
    // rating submission allocated.
    private static readonly ConcurrentDictionary<Type, Func<object, object>?> Collections = new();

    public static T Of<T>(T value) where T : class => (T)Copy(value)!;

    private static object? Copy(object? value)
    {
        if (value is null) return null;
        var type = value.GetType();
        if (IsImmutable(type)) return value;
        if (value is Array array)
        {
            var copy = (Array)array.Clone();
            if (!IsImmutable(type.GetElementType()!))
                for (var i = 0; i < copy.Length; i++) copy.SetValue(Copy(copy.GetValue(i)), i);
            return copy;
        }
        if (Collections.GetOrAdd(type, CollectionCopier) is { } copyCollection) return copyCollection(value);
        if (value is System.Collections.IEnumerable)
            throw new NotSupportedException($"{type} cannot be copied: documents hold lists, dictionaries, sets and arrays.");
        var clone = ShallowCopy(value);
        foreach (var field in MutableFields.GetOrAdd(type, FieldsToCopy))
            field.SetValue(clone, Copy(field.GetValue(clone)));
        return clone;
    }

    private static Func<object, object>? CollectionCopier(Type type)
    {
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        var name = definition == typeof(List<>) ? nameof(CopyList)
            : definition == typeof(Dictionary<,>) ? nameof(CopyDictionary)
            : definition == typeof(HashSet<>) ? nameof(CopySet)
            : null;
        return name is null ? null : typeof(DocumentCopy).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!
            .MakeGenericMethod(type.GetGenericArguments()).CreateDelegate<Func<object, object>>();
    }

    private static object CopyList<TItem>(object value)
    {
        var list = (List<TItem>)value;
        if (IsImmutable(typeof(TItem))) return new List<TItem>(list);
        var copy = new List<TItem>(list.Count);
        foreach (var item in list) copy.Add((TItem)Copy(item)!);
        return copy;
    }

    private static object CopyDictionary<TKey, TValue>(object value) where TKey : notnull
    {
        var dictionary = (Dictionary<TKey, TValue>)value;
        if (IsImmutable(typeof(TValue))) return new Dictionary<TKey, TValue>(dictionary, dictionary.Comparer);
        var copy = new Dictionary<TKey, TValue>(dictionary.Count, dictionary.Comparer);
        foreach (var (key, item) in dictionary) copy.Add(key, (TValue)Copy(item)!);
        return copy;
    }

    // Set members are compared by value: strings and value types in documents, copied as they are.
    private static object CopySet<TItem>(object value) => new HashSet<TItem>((HashSet<TItem>)value, ((HashSet<TItem>)value).Comparer);

    private static FieldInfo[] FieldsToCopy(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !IsImmutable(f.FieldType)));
        return [.. fields];
    }

    /// <summary>Shared safely between copies: nothing about it can change.</summary>
    private static bool IsImmutable(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
               || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateOnly)
               || type == typeof(TimeOnly);
    }
}
