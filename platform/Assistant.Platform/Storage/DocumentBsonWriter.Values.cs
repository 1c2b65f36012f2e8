using System.Buffers.Binary;
using System.Collections;
using System.Reflection;
using System.Text;

namespace Assistant.Platform.Storage;

/// <summary>The writers <see cref="DocumentBsonWriter"/> plans from: one per declared type, each as the mapper writes it.</summary>
internal static partial class DocumentBsonWriter
{
    private const byte DoubleType = 0x01, StringType = 0x02, DocumentType = 0x03, ArrayType = 0x04, BinaryType = 0x05, BooleanType = 0x08,
        DateTimeType = 0x09, NullType = 0x0A, Int32Type = 0x10, Int64Type = 0x12, DecimalType = 0x13;

    private static readonly DateTime UnixEpoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<Type, object> Scalars = new()
    {
        [typeof(string)] = new ScalarWriter<string>(StringType, (o, v) => o.String(v)),
        [typeof(int)] = new ScalarWriter<int>(Int32Type, (o, v) => o.Int32(v)),
        [typeof(short)] = new ScalarWriter<short>(Int32Type, (o, v) => o.Int32(v)),
        [typeof(ushort)] = new ScalarWriter<ushort>(Int32Type, (o, v) => o.Int32(v)),
        [typeof(byte)] = new ScalarWriter<byte>(Int32Type, (o, v) => o.Int32(v)),
        [typeof(sbyte)] = new ScalarWriter<sbyte>(Int32Type, (o, v) => o.Int32(v)),
        [typeof(long)] = new ScalarWriter<long>(Int64Type, (o, v) => o.Int64(v)),
        [typeof(uint)] = new ScalarWriter<uint>(Int64Type, (o, v) => o.Int64(v)),
        [typeof(ulong)] = new ScalarWriter<ulong>(Int64Type, (o, v) => o.Int64(unchecked((long)v))),
        [typeof(double)] = new ScalarWriter<double>(DoubleType, (o, v) => o.Int64(BitConverter.DoubleToInt64Bits(v))),
        [typeof(float)] = new ScalarWriter<float>(DoubleType, (o, v) => o.Int64(BitConverter.DoubleToInt64Bits(v))),
        [typeof(bool)] = new ScalarWriter<bool>(BooleanType, (o, v) => o.Byte(v ? (byte)1 : (byte)0)),
        [typeof(char)] = new ScalarWriter<char>(StringType, (o, v) => o.String(v.ToString())),
        [typeof(decimal)] = new ScalarWriter<decimal>(DecimalType, (o, v) =>
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(v, bits);
            foreach (var b in bits) o.Int32(b);
        }),
        [typeof(Guid)] = new ScalarWriter<Guid>(BinaryType, (o, v) =>
        {
            o.Int32(16);
            o.Byte(0x04); // UUID
            Span<byte> bytes = stackalloc byte[16];
            v.TryWriteBytes(bytes);
            o.Bytes(bytes);
        }),
        [typeof(byte[])] = new ScalarWriter<byte[]>(BinaryType, (o, v) =>
        {
            o.Int32(v.Length);
            o.Byte(0x00); // generic binary
            o.Bytes(v);
        }),
        [typeof(DateTime)] = new ScalarWriter<DateTime>(DateTimeType, (o, v) => o.Int64(Milliseconds(v))),
    };

    /// <summary>
    /// DocumentBson's serializer (UTC; an unspecified kind is taken as UTC), then LiteDB's BsonValue (whole
    /// milliseconds) and its writer (UTC again, except the minimum and maximum, as milliseconds since 1970).
    /// </summary>
    private static long Milliseconds(DateTime value)
    {
        var mapped = DocumentBson.AsStored(value);
        var extreme = mapped == DateTime.MinValue || mapped == DateTime.MaxValue;
        if (!extreme) mapped = new DateTime(mapped.Ticks - mapped.Ticks % TimeSpan.TicksPerMillisecond, mapped.Kind).ToUniversalTime();
        return Convert.ToInt64((mapped - UnixEpoch).TotalMilliseconds);
    }

    private static readonly byte[][] IndexNames = [.. Enumerable.Range(0, 256).Select(i => NameBytes(i.ToString()))];

    private static byte[] IndexName(int i) => i < IndexNames.Length ? IndexNames[i] : NameBytes(i.ToString());

    private static byte[] NameBytes(string name) => [.. Encoding.UTF8.GetBytes(name), 0];

    /// <summary>Writes a value that is not null, as the element <paramref name="name"/>.</summary>
    private abstract class ValueWriter<T>
    {
        public abstract void Write(BsonOutput output, byte[] name, T value, int depth);
    }

    private sealed class ScalarWriter<T>(byte type, Action<BsonOutput, T> write) : ValueWriter<T>
    {
        public override void Write(BsonOutput output, byte[] name, T value, int depth)
        {
            output.Element(type, name);
            write(output, value);
        }
    }

    private sealed class EnumWriter<T> : ValueWriter<T> where T : struct, Enum
    {
        public override void Write(BsonOutput output, byte[] name, T value, int depth)
        {
            output.Element(StringType, name);
            output.String(value.ToString());
        }
    }

    private sealed class NullableWriter<T>(ValueWriter<T> inner) : ValueWriter<T?> where T : struct
    {
        public override void Write(BsonOutput output, byte[] name, T? value, int depth) => inner.Write(output, name, value.GetValueOrDefault(), depth);
    }

    private static void Item<T>(BsonOutput output, ValueWriter<T> writer, byte[] name, T value, int depth)
    {
        if (value is null) output.Element(NullType, name);
        else writer.Write(output, name, value, depth);
    }

    private sealed class ListWriter<TList, TItem>(ValueWriter<TItem> items) : ValueWriter<TList>
    {
        public override void Write(BsonOutput output, byte[] name, TList value, int depth)
        {
            if (value is IDictionary || depth > MaxDepth) throw new NotSupportedException();
            output.Element(ArrayType, name);
            var start = output.Begin();
            var i = 0;
            if (value is List<TItem> list)
                foreach (var item in list) Item(output, items, IndexName(i++), item, depth + 1);
            else if (value is IEnumerable<TItem> typed)
                foreach (var item in typed) Item(output, items, IndexName(i++), item, depth + 1);
            else
                foreach (var item in (IEnumerable)value!) Item(output, items, IndexName(i++), (TItem)item, depth + 1);
            output.End(start);
        }
    }

    /// <summary>The mapper writes a dictionary as a document of its keys' strings, in the dictionary's order.</summary>
    private sealed class DictionaryWriter<TDictionary, TValue>(ValueWriter<TValue> values) : ValueWriter<TDictionary>
    {
        [ThreadStatic] private static List<string>? t_keys;

        public override void Write(BsonOutput output, byte[] name, TDictionary value, int depth)
        {
            if (value is not IDictionary dictionary || depth > MaxDepth) throw new NotSupportedException();
            CheckKeys(dictionary);
            output.Element(DocumentType, name);
            var start = output.Begin();
            foreach (var key in dictionary.Keys)
                Item(output, values, NameBytes(KeyString(key)), (TValue)dictionary[key]!, depth + 1);
            output.End(start);
        }

        private static string KeyString(object key) => key is DateTime date ? date.ToString("o") : key.ToString()!;

        /// <summary>
        /// A BsonDocument's keys ignore case and list "_id" first: keys equal but for case, or an "_id", are left to
        /// the mapper.
        /// </summary>
        private static void CheckKeys(IDictionary dictionary)
        {
            var keys = t_keys ??= [];
            keys.Clear();
            foreach (var key in dictionary.Keys)
            {
                var text = KeyString(key);
                if (text.Equals("_id", StringComparison.OrdinalIgnoreCase) || keys.Exists(k => k.Equals(text, StringComparison.OrdinalIgnoreCase)))
                    throw new NotSupportedException();
                keys.Add(text);
            }
        }
    }

    private sealed class NestedWriter<T> : ValueWriter<T> where T : class
    {
        private ObjectWriter<T>? _plan;

        public override void Write(BsonOutput output, byte[] name, T value, int depth)
        {
            // A subclass where T is declared: the mapper adds its type name ("_type").
            if (value.GetType() != typeof(T) || depth > MaxDepth) throw new NotSupportedException();
            var plan = _plan ??= PlanFor(typeof(T)) as ObjectWriter<T> ?? throw new NotSupportedException();
            output.Element(DocumentType, name);
            plan.WriteDocument(output, value, depth + 1);
        }
    }

    private interface IObjectWriter
    {
        void Plan();
    }

    private sealed class ObjectWriter<T> : IObjectWriter where T : class
    {
        private Member[] _members = [];

        public void Plan() => _members = [.. MembersOf(typeof(T)).Select(m =>
            (Member)Activator.CreateInstance(typeof(Member<>).MakeGenericType(typeof(T), m.Property.PropertyType), m.Name, m.Property)!)];

        public void WriteDocument(BsonOutput output, T value, int depth)
        {
            var start = output.Begin();
            foreach (var member in _members) member.Write(output, value, depth);
            output.End(start);
        }

        private abstract class Member
        {
            public abstract void Write(BsonOutput output, T owner, int depth);
        }

        /// <summary>A null member is left out, as the mapper does, except the id.</summary>
        private sealed class Member<TValue>(string name, PropertyInfo property) : Member
        {
            private readonly byte[] _name = NameBytes(name);
            private readonly bool _isId = name == "_id";
            private readonly Func<T, TValue> _get = property.GetGetMethod(nonPublic: true)!.CreateDelegate<Func<T, TValue>>();
            private readonly ValueWriter<TValue> _writer = (ValueWriter<TValue>)ValueWriterFor(typeof(TValue));

            public override void Write(BsonOutput output, T owner, int depth)
            {
                var value = _get(owner);
                if (value is not null) _writer.Write(output, _name, value, depth + 1);
                else if (_isId) output.Element(NullType, _name);
            }
        }
    }

    /// <summary>A growing buffer, one per thread; the result is copied out at its exact length.</summary>
    private sealed class BsonOutput
    {
        private byte[] _buffer = new byte[4096];
        private int _length;

        public void Reset() => _length = 0;

        public int Capacity => _buffer.Length;

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

        private Span<byte> Take(int count)
        {
            if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
            var span = _buffer.AsSpan(_length, count);
            _length += count;
            return span;
        }

        public void Byte(byte value) => Take(1)[0] = value;

        public void Bytes(ReadOnlySpan<byte> value) => value.CopyTo(Take(value.Length));

        public void Element(byte type, byte[] name)
        {
            Byte(type);
            Bytes(name);
        }

        public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);

        public void Int64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);

        /// <summary>Length (with the terminating zero), UTF-8, zero.</summary>
        public void String(string value)
        {
            var count = Encoding.UTF8.GetByteCount(value);
            Int32(count + 1);
            Encoding.UTF8.GetBytes(value, Take(count));
            Byte(0);
        }

        /// <summary>A document's or array's length, written by <see cref="End"/>.</summary>
        public int Begin()
        {
            var start = _length;
            Int32(0);
            return start;
        }

        public void End(int start)
        {
            Byte(0);
            BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(start), _length - start);
        }
    }
}
