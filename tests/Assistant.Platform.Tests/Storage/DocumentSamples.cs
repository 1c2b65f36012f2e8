using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Assistant.Platform.Storage;
using LiteDB;

namespace Assistant.Platform.Tests.Storage;

/// <summary>
/// Random documents of any type, every settable property filled (nulls, empty and Chinese strings, dates with
/// sub-millisecond ticks of every kind, extremes, lists, sets, dictionaries, nested classes), and the check that
/// <see cref="DocumentBsonWriter"/> writes the same bytes as the mapper for them. Linked into the bot's tests too.
/// </summary>
internal static class DocumentSamples
{
    private static readonly string[] Words = ["", "养老", "上虞区夕阳红养老服务中心", "a", "Ab_9", "服务很好 <script>", "{\"$gt\":\"\"}", "居家養老"];

    /// <summary>How many samples of <paramref name="type"/> the writer and the mapper disagreed on (none expected), and the first difference.</summary>
    public static (int Written, string? Difference) Compare(Type type, int samples, int seed)
    {
        var mapper = DocumentBson.CreateMapper();
        var random = new Random(seed);
        var tryWrite = typeof(DocumentBsonWriter).GetMethod(nameof(DocumentBsonWriter.TryWrite))!.MakeGenericMethod(type);
        var written = 0;
        for (var i = 0; i < samples; i++)
        {
            var document = Fill(type, random, 0)!;
            byte[] expected;
            try
            {
                expected = BsonSerializer.Serialize(mapper.ToDocument(type, document));
            }
            catch (Exception) when (i > 0)
            {
                continue; // a computed property that cannot be read for these values: the mapper fails too
            }
            var actual = (byte[]?)tryWrite.Invoke(null, [document]);
            if (actual is null) return (written, $"{type.Name}: the writer left sample {i} to the mapper");
            if (!actual.AsSpan().SequenceEqual(expected))
                return (written, $"{type.Name} sample {i}: {Convert.ToHexString(actual)} against the mapper's {Convert.ToHexString(expected)}");
            written++;
        }
        return (written, null);
    }

    public static object? Fill(Type type, Random random, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return random.Next(3) == 0 ? null : Fill(inner, random, depth);
        if (type == typeof(string)) return random.Next(8) == 0 ? null : Words[random.Next(Words.Length)] + (random.Next(2) == 0 ? "" : random.Next().ToString());
        if (type == typeof(int)) return random.Next(4) == 0 ? int.MinValue + random.Next(3) : random.Next(-1000, 1_000_000);
        if (type == typeof(long)) return random.NextInt64(long.MinValue, long.MaxValue);
        if (type == typeof(short)) return (short)random.Next(short.MinValue, short.MaxValue);
        if (type == typeof(byte)) return (byte)random.Next(256);
        if (type == typeof(double)) return random.Next(6) == 0 ? double.NaN : (random.NextDouble() - 0.5) * 1e6;
        if (type == typeof(float)) return (float)((random.NextDouble() - 0.5) * 1e4);
        if (type == typeof(decimal)) return new decimal(random.Next(), random.Next(1000), 0, random.Next(2) == 0, (byte)random.Next(6));
        if (type == typeof(bool)) return random.Next(2) == 0;
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(char)) return "评a价"[random.Next(3)];
        if (type == typeof(DateTime)) return Date(random);
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.Length == 0 || random.Next(10) == 0 ? Enum.ToObject(type, 977) : values.GetValue(random.Next(values.Length));
        }
        if (depth > 3) return null;
        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, random.Next(4));
            for (var i = 0; i < array.Length; i++) array.SetValue(Fill(type.GetElementType()!, random, depth + 1), i);
            return array;
        }
        if (type.IsGenericType && DictionaryOf(type) is { } kv)
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(kv))!;
            for (var i = random.Next(4); i > 0; i--)
                if (Fill(kv[0], random, depth + 1) is { } key && !dictionary.Contains(key) && key.ToString() != "" &&
                    !dictionary.Keys.Cast<object>().Any(k => string.Equals(k.ToString(), key.ToString(), StringComparison.OrdinalIgnoreCase)))
                    dictionary[key] = Fill(kv[1], random, depth + 1);
            return dictionary;
        }
        if (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var concrete = type.IsInterface
                ? (type.Name.Contains("Set") ? typeof(HashSet<>) : typeof(List<>)).MakeGenericType(item)
                : type;
            var collection = Activator.CreateInstance(concrete)!;
            var add = concrete.GetMethod("Add", [item])!;
            for (var i = random.Next(4); i > 0; i--) add.Invoke(collection, [Fill(item, random, depth + 1)]);
            return collection;
        }
        if (!type.IsClass || type.IsAbstract) return null;
        var document = type.GetConstructor(Type.EmptyTypes) is { } constructor ? constructor.Invoke(null) : RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.SetMethod is not null && property.GetIndexParameters().Length == 0)
                property.SetValue(document, Fill(property.PropertyType, random, depth + 1));
        return document;
    }

    private static DateTime Date(Random random) => random.Next(12) switch
    {
        0 => DateTime.MinValue,
        1 => DateTime.MaxValue,
        2 => DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc),
        var k => new DateTime(random.NextInt64(DateTime.UnixEpoch.Ticks - TimeSpan.TicksPerDay * 40_000, DateTime.UnixEpoch.Ticks + TimeSpan.TicksPerDay * 40_000),
            (k % 3) switch { 0 => DateTimeKind.Utc, 1 => DateTimeKind.Local, _ => DateTimeKind.Unspecified }),
    };

    private static Type[]? DictionaryOf(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)
            ? type.GetGenericArguments()
            : null;
    }
}
