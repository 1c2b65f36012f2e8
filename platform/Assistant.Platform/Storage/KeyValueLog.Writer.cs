namespace Assistant.Platform.Storage;

/// <summary>The writer thread of <see cref="KeyValueLog"/>: group commit, compaction, shutdown.</summary>
public sealed partial class KeyValueLog
{
    // pwritev takes at most IOV_MAX (1,024) buffers at a time.
    private const int MaxBuffersPerWrite = 512;

    private void Run()
    {
        while (true)
        {
            List<(byte[] Record, long Offset)> batch;
            TaskCompletionSource done;
            lock (_gate)
            {
                while (_pending.Count == 0 && !_disposed) Monitor.Wait(_gate);
                if (_pending.Count == 0) return;
            }
            // Give the request threads that are about to write a moment to join this fsync. On two cores the bench's
            // batches grew from about 5 records to about 20 and a bot turn used a tenth less CPU (ADR 0010); with
            // nothing else to run, the yield returns at once.
            Thread.Yield();
            lock (_gate) (batch, done) = TakePending();
            if (!WriteDurably(batch, done)) continue;
            if (!CompactionDue) continue;
            lock (_gate)
            {
                // Records that arrived meanwhile belong to the current file: write them before it is replaced.
                if (_pending.Count > 0)
                {
                    var (rest, restDone) = TakePending();
                    if (!WriteDurably(rest, restDone)) continue;
                }
                if (_failed is null && CompactionDue) TryCompact();
            }
        }
    }

    private (List<(byte[] Record, long Offset)>, TaskCompletionSource) TakePending()
    {
        var taken = (_pending, _batch);
        _pending = new List<(byte[] Record, long Offset)>(_pending.Count);
        _batch = NewBatch();
        return taken;
    }

    /// <summary>Writes the records where they were placed, fsyncs, and tells their writers; false (and the log stopped) on failure.</summary>
    private bool WriteDurably(List<(byte[] Record, long Offset)> batch, TaskCompletionSource done)
    {
        try
        {
            if (_failed is not null) throw _failed;
            for (var first = 0; first < batch.Count; first += MaxBuffersPerWrite)
            {
                var count = Math.Min(MaxBuffersPerWrite, batch.Count - first);
                var buffers = new ReadOnlyMemory<byte>[count];
                for (var i = 0; i < count; i++) buffers[i] = batch[first + i].Record;
                RandomAccess.Write(_file, buffers, batch[first].Offset);
            }
            if (SimulatedSyncFailure is { } failure) throw failure;
            RandomAccess.FlushToDisk(_file);
            Interlocked.Increment(ref _flushes);
            done.SetResult();
            return true;
        }
        catch (Exception e)
        {
            lock (_gate) _failed ??= e;
            done.SetException(new IOException("A write to the key-value log could not be made durable.", e));
            return false;
        }
    }

    /// <summary>
    /// Writer thread (or the constructor), under the gate, with nothing pending: copies each key's last record to a new
    /// file, makes it durable, renames it over the log and syncs the directory, so a crash leaves either the old or the
    /// new file whole. A failure before the rename leaves the log as it was and is tried again once the file has grown
    /// by another threshold; a failure to sync the directory after it stops the log (the rename may not survive a crash).
    /// </summary>
    private void TryCompact()
    {
        try
        {
            Compact();
        }
        catch (Exception e) when (_failed is null)
        {
            CompactionFailure = e;
            _compactAgainAt = _end + _compactAbove;
            try { File.Delete(_path + ".compact"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Why the last compaction attempt failed, until one succeeds.</summary>
    public Exception? CompactionFailure { get; private set; }

    private void Compact()
    {
        var temporary = _path + ".compact";
        var moved = new List<(string Key, Entry Entry)>(_index.Count);
        long position = 0;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            var buffer = new byte[4096];
            foreach (var (key, entry) in _index)
            {
                var start = entry.Offset + entry.Length - entry.RecordLength;
                if (buffer.Length < entry.RecordLength) buffer = new byte[entry.RecordLength];
                RandomAccess.Read(_file, buffer.AsSpan(0, entry.RecordLength), start);
                output.Write(buffer, 0, entry.RecordLength);
                moved.Add((key, entry with { Offset = position + (entry.Offset - start), Durable = Task.CompletedTask }));
                position += entry.RecordLength;
            }
            output.Flush(flushToDisk: true);
        }
        var replacement = File.OpenHandle(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        try
        {
            File.Move(temporary, _path, overwrite: true);
        }
        catch
        {
            replacement.Dispose();
            throw;
        }
        // Renamed: from here on the new file is the log, whatever happens next.
        foreach (var (key, entry) in moved) _index[key] = entry;
        var old = _file;
        _file = replacement;
        _end = position;
        _liveBytes = position;
        _compactAgainAt = 0;
        CompactionFailure = null;
        Compactions++;
        old.Dispose();
        try
        {
            KeyValueLogFile.SyncDirectory(Path.GetDirectoryName(_path)!);
        }
        catch (Exception e)
        {
            _failed ??= e;
        }
    }

    private long _flushes;

    /// <summary>Tests only: the failure a failing disk would give, raised instead of the fsync.</summary>
    internal Exception? SimulatedSyncFailure { get; set; }

    /// <summary>How many fsyncs the writer made since the log was opened (one per group of writes).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>How many times the log was rewritten since it was opened.</summary>
    public int Compactions { get; private set; }

    /// <summary>Writes what is waiting, then closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            Monitor.Pulse(_gate);
        }
        _writer.Join();
        _file.Dispose();
    }
}
