using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Assistant.Platform.Storage;

/// <summary>
/// Writes a document as exactly the BSON bytes that <see cref="DocumentBson"/>'s mapper writes (so the log and the
/// documents read back from it do not change), straight from the object. The mapper first builds a tree of
/// BsonValues, which was nearly half of what a rating submission allocated (ADR 0011). A shape this writer cannot
/// reproduce exactly (a member typed object or as a non-collection interface, a subclass where a class is declared,
/// a dictionary with keys equal but for case) is left to the mapper: <see cref="TryWrite{T}"/> returns null.
/// </summary>
internal static partial class DocumentBsonWriter
{
    // The mapper stops at 20 levels; documents near that are left to it, so its error is the one reported.
    private const int MaxDepth = 16;

    private static readonly ConcurrentDictionary<Type, object?> Plans = new();

    private const int LargestKeptBuffer = 256 * 1024;

    [ThreadStatic] private static BsonOutput? t_output;

    /// <summary>The document's BSON, or null when the mapper must write it.</summary>
    public static byte[]? TryWrite<T>(T document) where T : class
    {
        if (document.GetType() != typeof(T) || PlanFor(typeof(T)) is not ObjectWriter<T> plan) return null;
        var output = t_output ??= new BsonOutput();
        output.Reset();
        try
        {
            plan.WriteDocument(output, document, depth: 1);
            return output.ToArray();
        }
        catch (NotSupportedException)
        {
            return null;
        }
        finally
        {
            // A large document (an uploaded policy's text) should not keep its buffer alive on this thread.
            if (output.Capacity > LargestKeptBuffer) t_output = null;
        }
    }

    private static object? PlanFor(Type type) => Plans.TryGetValue(type, out var plan) ? plan : Build(type);

    /// <summary>
    /// A plan is published only once it is complete: the crash bench caught ratings stored as empty documents when a
    /// plan was visible to other threads before its members were planned. Two threads may both build one; either is
    /// right. A class that contains itself needs no plan of its own yet: nested classes find theirs when first written.
    /// </summary>
    private static object? Build(Type type)
    {
        object? plan = null;
        if (IsPlainClass(type))
        {
            var writer = (IObjectWriter)Activator.CreateInstance(typeof(ObjectWriter<>).MakeGenericType(type))!;
            try
            {
                writer.Plan();
                plan = writer;
            }
            catch (Exception e) when (e is NotSupportedException || e.InnerException is NotSupportedException)
            {
                // Members are made by reflection, which wraps what their constructors throw.
            }
        }
        return Plans.GetOrAdd(type, plan);
    }

    private static bool IsPlainClass(Type type) =>
        type.IsClass && !type.IsAbstract && type != typeof(string) && type != typeof(object) && !typeof(Delegate).IsAssignableFrom(type)
        && !typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("LiteDB", StringComparison.Ordinal) != true
        && type != typeof(Uri) && type != typeof(System.Text.RegularExpressions.Regex);

    /// <summary>The mapper's member list: public readable instance properties; "Id" (or "&lt;Type&gt;Id") is "_id" and comes first.</summary>
    private static List<(string Name, PropertyInfo Property)> MembersOf(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToList();
        var id = properties.FirstOrDefault(p => p.Name.Equals("Id", StringComparison.OrdinalIgnoreCase))
                 ?? properties.FirstOrDefault(p => p.Name.Equals(p.DeclaringType!.Name + "Id", StringComparison.OrdinalIgnoreCase));
        var members = new List<(string Name, PropertyInfo Property)>();
        foreach (var property in properties)
        {
            var name = property == id ? "_id" : property.Name;
            if (members.Any(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase))) continue;
            members.Add((name, property));
        }
        // A BsonDocument lists "_id" first, whatever the order its fields were set in.
        return [.. members.Where(m => m.Name == "_id"), .. members.Where(m => m.Name != "_id")];
    }

    /// <summary>How a value declared as <paramref name="type"/> is written; NotSupportedException when the mapper must do it.</summary>
    private static object ValueWriterFor(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Activator.CreateInstance(typeof(NullableWriter<>).MakeGenericType(inner), ValueWriterFor(inner))!;
        if (Scalars.TryGetValue(type, out var scalar)) return scalar;
        if (type.IsEnum) return Activator.CreateInstance(typeof(EnumWriter<>).MakeGenericType(type))!;
        if (DictionaryValueType(type) is { } valueType)
            return Activator.CreateInstance(typeof(DictionaryWriter<,>).MakeGenericType(type, valueType), ValueWriterFor(valueType))!;
        if (typeof(IEnumerable).IsAssignableFrom(type) && ListItemType(type) is { } item)
            return Activator.CreateInstance(typeof(ListWriter<,>).MakeGenericType(type, item), ValueWriterFor(item))!;
        if (IsPlainClass(type)) return Activator.CreateInstance(typeof(NestedWriter<>).MakeGenericType(type))!;
        throw new NotSupportedException($"{type} is written by the mapper");
    }

    /// <summary>As the mapper: a generic dictionary's second type argument; null when the type is no dictionary.</summary>
    private static Type? DictionaryValueType(Type type)
    {
        if (!typeof(IDictionary).IsAssignableFrom(type) && !IsGenericDictionaryInterface(type)) return null;
        if (!type.IsGenericType || type.GetGenericArguments().Length < 2)
            throw new NotSupportedException($"{type}: the mapper writes its values as objects");
        return type.GetGenericArguments()[1];
    }

    private static bool IsGenericDictionaryInterface(Type type) =>
        type.IsInterface && type.IsGenericType
        && (type.GetGenericTypeDefinition() == typeof(IDictionary<,>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    /// <summary>As the mapper: an array's element type, else the argument of the first IEnumerable&lt;T&gt; the type implements.</summary>
    private static Type? ListItemType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        foreach (var i in type.GetInterfaces())
        {
            if (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) return i.GetGenericArguments()[0];
            if (type.IsGenericType && i == typeof(IEnumerable)) return type.GetGenericArguments()[0];
        }
        return null;
    }
}
