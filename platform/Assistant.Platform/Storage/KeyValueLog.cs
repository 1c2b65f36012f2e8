using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Assistant.Platform.Storage;

/// <summary>
/// A durable store for data that is only ever read and written whole by key: the bot's conversation and user state on
/// the embedded deployment (ADR 0010). Each write appends one record (<see cref="KeyValueLogFile"/>); one writer thread
/// writes whatever records are waiting and fsyncs once for all of them, and a write's task completes only after that
/// fsync. Memory holds each key's place in the file, and the values of recently used keys up to a budget (a state read
/// then costs no system call); when that budget is spent every kept value is dropped and read from the file again. When the file is more than twice its live records
/// it is rewritten (compaction) into a new file that replaces it by an atomic rename. An I/O failure stops the log:
/// after a failed fsync nothing is known about the file, so every later call fails until the process is restarted.
/// The file is locked: a second process gets <see cref="StoreLockedException"/>.
/// </summary>
public sealed partial class KeyValueLog : IDisposable
{
    public sealed record Stored(string Value, long Version);

    /// <summary>
    /// Where the value of the key's last record is (<see cref="Offset"/>, <see cref="Length"/>), the whole record's
    /// size, and the value itself while it is kept in memory.
    /// </summary>
    private readonly record struct Entry(long Offset, int Length, int RecordLength, long Version, Task Durable, string? Value = null);

    private readonly string _path;
    private readonly long _compactAbove;
    private readonly long _keepChars;
    private long _keptChars;
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _index = new(StringComparer.Ordinal);
    private readonly Thread _writer;
    private SafeFileHandle _file;
    private long _end;
    private long _liveBytes;
    private long _compactAgainAt;
    private List<(byte[] Record, long Offset)> _pending = [];
    private TaskCompletionSource _batch = NewBatch();
    private Exception? _failed;
    private bool _disposed;

    private KeyValueLog(string path, SafeFileHandle file, long compactAbove, long keepChars)
    {
        _path = path;
        _file = file;
        _compactAbove = compactAbove;
        _keepChars = keepChars;
        _end = KeyValueLogFile.Replay(file, Apply);
        if (_end < RandomAccess.GetLength(file))
        {
            TruncatedBytes = RandomAccess.GetLength(file) - _end;
            RandomAccess.SetLength(file, _end);
            RandomAccess.FlushToDisk(file);
        }
        if (CompactionDue) TryCompact();
        _writer = new Thread(Run) { IsBackground = true, Name = "kv-log-writer" };
        _writer.Start();
    }

    /// <summary>
    /// Opens (or creates) the log at <paramref name="path"/>. A new log starts with <paramref name="seed"/> (data moved
    /// from elsewhere), written to a temporary file and renamed into place, so a crash never leaves half of it.
    /// <paramref name="keepChars"/> is the budget for values kept in memory (16 M characters: 32 MB).
    /// </summary>
    public static KeyValueLog Open(string path, Func<IEnumerable<(string Key, string Value, long Version)>>? seed = null,
        long compactAbove = 16 << 20, long keepChars = 16 << 20) =>
        OpenCore(path, seed is null ? null : () => seed().Select(r => KeyValueLogFile.Encode(KeyValueLogFile.Put, r.Version, r.Key, r.Value)),
            compactAbove, keepChars);

    /// <summary><see cref="Open"/> for values that are bytes, not text (the embedded document store's BSON).</summary>
    public static KeyValueLog OpenBinary(string path, Func<IEnumerable<(string Key, byte[] Value, long Version)>>? seed = null,
        long compactAbove = 16 << 20, long keepChars = 0) =>
        OpenCore(path, seed is null ? null : () => seed().Select(r => KeyValueLogFile.Encode(KeyValueLogFile.Put, r.Version, r.Key, r.Value.AsSpan())),
            compactAbove, keepChars);

    private static KeyValueLog OpenCore(string path, Func<IEnumerable<byte[]>>? seed, long compactAbove, long keepChars)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path) && seed is not null) Seed(path, seed());
        var handle = ExclusiveFile.Open(path, path);
        try
        {
            // Left by a compaction that a crash interrupted before its rename: the log itself is whole.
            File.Delete(path + ".compact");
            return new KeyValueLog(path, handle, compactAbove, keepChars);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void Seed(string path, IEnumerable<byte[]> records)
    {
        var seeding = path + ".seed";
        using (var file = new FileStream(seeding, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var record in records) file.Write(record);
            file.Flush(flushToDisk: true);
        }
        File.Move(seeding, path, overwrite: false);
        KeyValueLogFile.SyncDirectory(Path.GetDirectoryName(path)!);
    }

    /// <summary>Bytes of a torn or corrupt end cut off when the log was opened (0 after a clean shutdown).</summary>
    public long TruncatedBytes { get; }

    public long FileLength { get { lock (_gate) return _end; } }

    /// <summary>The I/O failure that stopped the log, if any.</summary>
    public Exception? Failure { get { lock (_gate) return _failed; } }

    /// <summary>The value and version stored under <paramref name="key"/>; a value whose write is not yet durable is waited for.</summary>
    public async ValueTask<Stored?> GetAsync(string key, CancellationToken ct = default)
    {
        while (true)
        {
            Entry entry;
            SafeFileHandle file;
            lock (_gate)
            {
                ThrowIfStopped();
                if (!_index.TryGetValue(key, out entry)) return null;
                file = _file;
            }
            if (!entry.Durable.IsCompleted) await entry.Durable.WaitAsync(ct);
            if (entry.Value is { } kept) return new Stored(kept, entry.Version);
            var bytes = new byte[entry.Length];
            try
            {
                RandomAccess.Read(file, bytes, entry.Offset);
            }
            catch (ObjectDisposedException) when (!_disposed)
            {
                continue; // compaction moved the value to a new file
            }
            var value = Encoding.UTF8.GetString(bytes);
            lock (_gate)
            {
                // Kept only if nobody wrote the key meanwhile.
                if (_index.TryGetValue(key, out var now) && now.Version == entry.Version && now.Value is null && now.Offset == entry.Offset)
                    _index[key] = Keep(now with { Value = value });
            }
            return new Stored(value, entry.Version);
        }
    }

    /// <summary>
    /// Stores <paramref name="value"/>. With <paramref name="expectedVersion"/> the write succeeds only if the key is
    /// missing or still at that version; returns the new version, or null on a conflict.
    /// </summary>
    public async Task<long?> PutAsync(string key, string value, long? expectedVersion = null, CancellationToken ct = default)
    {
        Task durable;
        long version;
        lock (_gate)
        {
            ThrowIfStopped();
            var exists = _index.TryGetValue(key, out var current);
            if (expectedVersion is { } expected && exists && current.Version != expected) return null;
            version = exists ? current.Version + 1 : 1;
            var record = KeyValueLogFile.Encode(KeyValueLogFile.Put, version, key, value);
            var valueOffset = KeyValueLogFile.ValueOffset(record);
            var offset = _end;
            durable = Append(record);
            Place(key, new Entry(offset + valueOffset, record.Length - valueOffset, record.Length, version, durable, value));
        }
        await durable.WaitAsync(ct);
        return version;
    }

    /// <summary>
    /// Stores every value as one record, all or none, so a crash can never keep only some of them. With an expected
    /// version a write succeeds only if its key is missing or still at that version (0: only if missing); on any
    /// conflict nothing is written and the result is null, else the new versions in order. Keys must be distinct.
    /// </summary>
    public async Task<long[]?> PutAllAsync(IReadOnlyList<(string Key, byte[] Value, long? ExpectedVersion)> writes, CancellationToken ct = default)
    {
        var versions = new long[writes.Count];
        Task durable;
        lock (_gate)
        {
            ThrowIfStopped();
            for (var i = 0; i < writes.Count; i++)
            {
                var (key, _, expectedVersion) = writes[i];
                var exists = _index.TryGetValue(key, out var current);
                if (expectedVersion is { } expected && exists && current.Version != expected) return null;
                versions[i] = exists ? current.Version + 1 : 1;
            }
            var lengths = new int[writes.Count];
            var batch = KeyValueLogFile.EncodeBatch(writes, versions, lengths);
            var start = _end + KeyValueLogFile.BatchMembersStart;
            durable = Append(batch);
            for (var i = 0; i < writes.Count; start += lengths[i], i++)
            {
                var valueLength = writes[i].Value.Length;
                Place(writes[i].Key, new Entry(start + lengths[i] - valueLength, valueLength, lengths[i], versions[i], durable));
            }
        }
        await durable.WaitAsync(ct);
        return versions;
    }

    /// <summary>
    /// Every stored key with its value and version, read in file order: how a store that keeps everything in memory
    /// loads at start-up. Call it before writing.
    /// </summary>
    public IEnumerable<(string Key, byte[] Value, long Version)> ReadAll()
    {
        List<(string Key, Entry Entry)> entries;
        SafeFileHandle file;
        lock (_gate)
        {
            ThrowIfStopped();
            entries = [.. _index.OrderBy(p => p.Value.Offset).Select(p => (p.Key, p.Value))];
            file = _file;
        }
        foreach (var (key, entry) in entries)
        {
            var value = new byte[entry.Length];
            RandomAccess.Read(file, value, entry.Offset);
            yield return (key, value, entry.Version);
        }
    }

    /// <summary>Removes the key; false when it was not stored.</summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        Task durable;
        lock (_gate)
        {
            ThrowIfStopped();
            if (!_index.Remove(key, out var current)) return false;
            durable = Append(KeyValueLogFile.Encode(KeyValueLogFile.Delete, current.Version + 1, key, (string?)null));
            _liveBytes -= current.RecordLength;
            Forget(current);
        }
        await durable.WaitAsync(ct);
        return true;
    }

    /// <summary>Under the gate: <paramref name="entry"/> becomes the key's last record; the one it replaces is no longer live.</summary>
    private void Place(string key, Entry entry)
    {
        if (_index.TryGetValue(key, out var current))
        {
            _liveBytes -= current.RecordLength;
            Forget(current);
        }
        _index[key] = Keep(entry);
        _liveBytes += entry.RecordLength;
    }

    /// <summary>Under the gate: counts a kept value against the budget; a spent budget drops every kept value.</summary>
    private Entry Keep(Entry entry)
    {
        if (entry.Value is null) return entry;
        if (_keepChars == 0) return entry with { Value = null };
        _keptChars += entry.Value.Length;
        if (_keptChars <= _keepChars) return entry;
        foreach (var (key, other) in _index.Where(p => p.Value.Value is not null).ToList()) _index[key] = other with { Value = null };
        _keptChars = 0;
        return entry with { Value = null };
    }

    private void Forget(Entry entry) => _keptChars -= entry.Value?.Length ?? 0;

    private static TaskCompletionSource NewBatch() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task Append(byte[] record)
    {
        var first = _pending.Count == 0;
        _pending.Add((record, _end));
        _end += record.Length;
        if (first) Monitor.Pulse(_gate);
        return _batch.Task;
    }

    private void Apply(KeyValueLogFile.Record record, long position)
    {
        if (_index.Remove(record.Key, out var previous)) _liveBytes -= previous.RecordLength;
        if (record.Kind != KeyValueLogFile.Put) return;
        _index[record.Key] = new Entry(position + record.ValueOffsetInRecord, record.Length - record.ValueOffsetInRecord, record.Length, record.Version, Task.CompletedTask);
        _liveBytes += record.Length;
    }

    private bool CompactionDue => _end > _compactAbove && _end > 2 * _liveBytes && _end > _compactAgainAt;

    private void ThrowIfStopped()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failed is not null) throw new IOException("The key-value log stopped after an I/O failure; restart the process.", _failed);
    }
}
