using System.Collections;
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

    public static T Of<T>(T value) where T : class => (T)Copy(value)!;

    private static object? Copy(object? value)
    {
        if (value is null || IsImmutable(value.GetType())) return value;
        switch (value)
        {
            case Array array:
                var copy = (Array)array.Clone();
                if (!IsImmutable(array.GetType().GetElementType()!))
                    for (var i = 0; i < copy.Length; i++) copy.SetValue(Copy(copy.GetValue(i)), i);
                return copy;
            case IList list when value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(List<>):
                var items = (IList)Activator.CreateInstance(value.GetType(), list.Count)!;
                foreach (var item in list) items.Add(Copy(item));
                return items;
            case IDictionary dictionary when value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(Dictionary<,>):
                var comparer = value.GetType().GetProperty(nameof(Dictionary<int, int>.Comparer))!.GetValue(value);
                var entries = (IDictionary)Activator.CreateInstance(value.GetType(), comparer)!;
                foreach (DictionaryEntry entry in dictionary) entries.Add(entry.Key, Copy(entry.Value));
                return entries;
            case IEnumerable when value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(HashSet<>):
                // Set members are compared by value: strings and value types in documents, copied as they are.
                var comparerOfSet = value.GetType().GetProperty(nameof(HashSet<int>.Comparer))!.GetValue(value);
                return Activator.CreateInstance(value.GetType(), value, comparerOfSet)!;
            case IEnumerable:
                throw new NotSupportedException($"{value.GetType()} cannot be copied: documents hold lists, dictionaries, sets and arrays.");
        }
        var clone = ShallowCopy(value);
        foreach (var field in MutableFields.GetOrAdd(value.GetType(), FieldsToCopy))
            field.SetValue(clone, Copy(field.GetValue(clone)));
        return clone;
    }

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
