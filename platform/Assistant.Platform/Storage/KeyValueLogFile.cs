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
/// fails its checksum and the file is cut there.
/// </summary>
internal static class KeyValueLogFile
{
    public const int HeaderLength = 8;
    private const int BodyPrefix = 1 + 8 + 2;
    private const int MaxBody = 64 << 20;
    public const byte Put = 1, Delete = 2;

    public readonly record struct Record(byte Kind, long Version, string Key, int ValueOffsetInRecord, int Length);

    public static byte[] Encode(byte kind, long version, string key, string? value)
    {
        var keyLength = Encoding.UTF8.GetByteCount(key);
        if (keyLength > ushort.MaxValue) throw new ArgumentException("A key longer than 65,535 UTF-8 bytes cannot be stored.", nameof(key));
        var valueLength = value is null ? 0 : Encoding.UTF8.GetByteCount(value);
        var bodyLength = BodyPrefix + keyLength + valueLength;
        if (bodyLength > MaxBody) throw new ArgumentException("A value larger than 64 MB cannot be stored.", nameof(value));
        var record = new byte[HeaderLength + bodyLength];
        var body = record.AsSpan(HeaderLength);
        body[0] = kind;
        BinaryPrimitives.WriteInt64LittleEndian(body[1..], version);
        BinaryPrimitives.WriteUInt16LittleEndian(body[9..], (ushort)keyLength);
        Encoding.UTF8.GetBytes(key, body[BodyPrefix..]);
        if (value is not null) Encoding.UTF8.GetBytes(value, body[(BodyPrefix + keyLength)..]);
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)bodyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), Crc32.HashToUInt32(body));
        return record;
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
            var keyLength = BinaryPrimitives.ReadUInt16LittleEndian(span[9..]);
            if (span[0] is not (Put or Delete) || BodyPrefix + keyLength > bodyLength) break;
            var key = Encoding.UTF8.GetString(span.Slice(BodyPrefix, keyLength));
            var recordLength = HeaderLength + (int)bodyLength;
            apply(new Record(span[0], BinaryPrimitives.ReadInt64LittleEndian(span[1..]), key, HeaderLength + BodyPrefix + keyLength, recordLength), position);
            position += recordLength;
        }
        return position;
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
