using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Assistant.Platform.Storage;

/// <summary>
/// The record format of <see cref="KeyValueLog"/>: <c>[body length u32][crc32 of body u32]</c> then the body
/// <c>[kind u8][version i64][key length u16][key UTF-8][value UTF-8]</c>, little-endian. A crash can only tear the last
/// record (every acknowledged record was fsynced before it), so replay stops at the first record that is short or
/// fails its checksum and the file is cut there. A batch is one record whose value is whole Put records, so replay
/// applies all of them or none (a document and its audit event, ADR 0011).
/// </summary>
internal static class KeyValueLogFile
{
    public const int HeaderLength = 8;
    private const int BodyPrefix = 1 + 8 + 2;
    private const int MaxBody = 64 << 20;
    public const byte Put = 1, Delete = 2, Batch = 3;

    public readonly record struct Record(byte Kind, long Version, string Key, int ValueOffsetInRecord, int Length);

    public static byte[] Encode(byte kind, long version, string key, string? value)
    {
        var record = NewRecord(kind, version, key, value is null ? 0 : Encoding.UTF8.GetByteCount(value), out var valueSpan);
        if (value is not null) Encoding.UTF8.GetBytes(value, valueSpan);
        return Seal(record);
    }

    public static byte[] Encode(byte kind, long version, string key, ReadOnlySpan<byte> value)
    {
        var keyLength = KeyLength(key);
        var record = new byte[RecordLength(keyLength, value.Length)];
        Write(record, kind, version, key, keyLength, value);
        return record;
    }

    private static int RecordLength(int keyLength, int valueLength)
    {
        if (BodyPrefix + keyLength + valueLength > MaxBody) throw new ArgumentException("A value larger than 64 MB cannot be stored.", nameof(valueLength));
        return HeaderLength + BodyPrefix + keyLength + valueLength;
    }

    /// <summary>A whole sealed record into <paramref name="record"/>, which is exactly its length.</summary>
    private static void Write(Span<byte> record, byte kind, long version, string key, int keyLength, ReadOnlySpan<byte> value)
    {
        Header(record[HeaderLength..], kind, version, keyLength);
        Encoding.UTF8.GetBytes(key, record[(HeaderLength + BodyPrefix)..]);
        value.CopyTo(record[(HeaderLength + BodyPrefix + keyLength)..]);
        Seal(record);
    }

    /// <summary>A record with its key written; the value goes into <paramref name="value"/>, then the record is sealed.</summary>
    private static byte[] NewRecord(byte kind, long version, string key, int valueLength, out Span<byte> value)
    {
        var keyLength = KeyLength(key);
        var record = NewRecord(kind, version, keyLength, valueLength, out var body);
        Encoding.UTF8.GetBytes(key, body[BodyPrefix..]);
        value = body[(BodyPrefix + keyLength)..];
        return record;
    }

    /// <summary>
    /// One record holding whole <see cref="Put"/> records, replayed all or none; each member is written in place (no
    /// record of its own to copy). <paramref name="lengths"/> gets each member's length; they follow each other from
    /// <see cref="BatchMembersStart"/>.
    /// </summary>
    public static byte[] EncodeBatch(IReadOnlyList<(string Key, byte[] Value, long? ExpectedVersion)> puts, long[] versions, int[] lengths)
    {
        var keyLengths = new int[puts.Count];
        var total = 0;
        for (var i = 0; i < puts.Count; i++)
        {
            keyLengths[i] = KeyLength(puts[i].Key);
            lengths[i] = RecordLength(keyLengths[i], puts[i].Value.Length);
            total += lengths[i];
        }
        var record = NewRecord(Batch, 0, 0, total, out var body);
        var at = BodyPrefix;
        for (var i = 0; i < puts.Count; i++)
        {
            Write(body.Slice(at, lengths[i]), Put, versions[i], puts[i].Key, keyLengths[i], puts[i].Value);
            at += lengths[i];
        }
        return Seal(record);
    }

    /// <summary>Where a batch's first member starts, counted from the start of the batch; the others follow it.</summary>
    public const int BatchMembersStart = HeaderLength + BodyPrefix;

    private static byte[] NewRecord(byte kind, long version, int keyLength, int valueLength, out Span<byte> body)
    {
        var record = new byte[RecordLength(keyLength, valueLength)];
        body = record.AsSpan(HeaderLength);
        Header(body, kind, version, keyLength);
        return record;
    }

    private static int KeyLength(string key)
    {
        var keyLength = Encoding.UTF8.GetByteCount(key);
        if (keyLength > ushort.MaxValue) throw new ArgumentException("A key longer than 65,535 UTF-8 bytes cannot be stored.", nameof(key));
        return keyLength;
    }

    private static void Header(Span<byte> body, byte kind, long version, int keyLength)
    {
        body[0] = kind;
        BinaryPrimitives.WriteInt64LittleEndian(body[1..], version);
        BinaryPrimitives.WriteUInt16LittleEndian(body[9..], (ushort)keyLength);
    }

    private static byte[] Seal(byte[] record)
    {
        Seal(record.AsSpan());
        return record;
    }

    /// <summary>Writes the header: the body's length and checksum.</summary>
    private static void Seal(Span<byte> record)
    {
        var body = record[HeaderLength..];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32.HashToUInt32(body));
    }

    /// <summary>Where a record's value starts, counted from the start of the record.</summary>
    public static int ValueOffset(ReadOnlySpan<byte> record) =>
        HeaderLength + BodyPrefix + BinaryPrimitives.ReadUInt16LittleEndian(record[(HeaderLength + 9)..]);

    /// <summary>Reads records from the start of the file until the end or the first torn or corrupt one; returns where that is.</summary>
    public static long Replay(SafeFileHandle file, Action<Record, long> apply)
    {
        var length = RandomAccess.GetLength(file);
        var header = new byte[HeaderLength];
        var body = new byte[4096];
        long position = 0;
        while (position + HeaderLength <= length && RandomAccess.Read(file, header, position) == HeaderLength)
        {
            var bodyLength = BinaryPrimitives.ReadUInt32LittleEndian(header);
            if (bodyLength is < BodyPrefix or > MaxBody || position + HeaderLength + bodyLength > length) break;
            if (body.Length < bodyLength) body = new byte[Math.Max(bodyLength, body.Length * 2)];
            var span = body.AsSpan(0, (int)bodyLength);
            if (RandomAccess.Read(file, span, position + HeaderLength) != bodyLength) break;
            if (Crc32.HashToUInt32(span) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4))) break;
            if (!(span[0] == Batch ? ApplyBatch(span, position, apply) : Apply(span, position, apply))) break;
            position += HeaderLength + (int)bodyLength;
        }
        return position;
    }

    private static bool Apply(ReadOnlySpan<byte> body, long position, Action<Record, long> apply)
    {
        var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(body[9..]);
        if (body[0] is not (Put or Delete) || BodyPrefix + keyLength > body.Length) return false;
        var key = Encoding.UTF8.GetString(body.Slice(BodyPrefix, keyLength));
        apply(new Record(body[0], BinaryPrimitives.ReadInt64LittleEndian(body[1..]), key, HeaderLength + BodyPrefix + keyLength, HeaderLength + body.Length), position);
        return true;
    }

    /// <summary>A batch's checksum covers its members: they are checked for shape, then applied together.</summary>
    private static bool ApplyBatch(ReadOnlySpan<byte> body, long position, Action<Record, long> apply)
    {
        var members = new List<(int Start, int Length)>();
        for (var at = BodyPrefix; at < body.Length;)
        {
            if (at + HeaderLength + BodyPrefix > body.Length) return false;
            var length = HeaderLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(body[at..]);
            if (length < HeaderLength + BodyPrefix || at + length > body.Length || body[at + HeaderLength] != Put) return false;
            if (BodyPrefix + BinaryPrimitives.ReadUInt16LittleEndian(body[(at + HeaderLength + 9)..]) > length - HeaderLength) return false;
            members.Add((at, length));
            at += length;
        }
        foreach (var (start, length) in members)
            Apply(body.Slice(start + HeaderLength, length - HeaderLength), position + HeaderLength + start, apply);
        return true;
    }

    /// <summary>
    /// Makes a rename in <paramref name="directory"/> durable: without it a crash could bring back the file the rename
    /// replaced. .NET cannot open a directory, so this calls open/fsync/close directly (Linux and macOS only).
    /// </summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(directory, 0);
        if (fd < 0) throw new IOException($"Cannot open {directory} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of {directory} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
