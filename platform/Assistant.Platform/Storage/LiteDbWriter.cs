using System.Collections.Concurrent;
using LiteDB;

namespace Assistant.Platform.Storage;

/// <summary>
/// Group commit for the embedded store. Every write goes through one writer thread, which takes whatever writes
/// are waiting and commits them in a single LiteDB transaction: under load one disk flush serves many requests,
/// and a caller's task completes only after the commit that holds its write. A write that fails (duplicate key)
/// aborts the batch, which is then replayed one write per transaction so only that write fails.
/// One writer also makes check-then-write (optimistic replace) atomic: this process owns the file (ADR 0003).
/// </summary>
internal sealed class LiteDbWriter : IDisposable
{
    private const int MaxBatch = 256;
    private readonly LiteDatabase _db;
    private readonly LiteDbLogFile _log;
    private readonly object _engineLock;
    private readonly BlockingCollection<IWrite> _queue = new();
    private readonly Thread _thread;
    private readonly HashSet<(string Collection, string Id)> _writtenInTransaction = [];

    public LiteDbWriter(LiteDatabase db, LiteDbLogFile log, object engineLock)
    {
        _db = db;
        _log = log;
        _engineLock = engineLock;
        _thread = new Thread(Run) { IsBackground = true, Name = "litedb-writer" };
        _thread.Start();
    }

    /// <param name="committed">Runs on the writer thread after the commit that holds the write, before the caller resumes.</param>
    public Task<T> Enqueue<T>(Func<T> write, Action<T>? committed = null)
    {
        var op = new Write<T>(write, committed);
        try
        {
            _queue.Add(op);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(LiteDbStore), "The store is shutting down.");
        }
        return op.Completion.Task;
    }

    private void Run()
    {
        var batch = new List<IWrite>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next)) batch.Add(next);
            if (batch.Count == 1)
            {
                RunAlone(batch[0]);
                continue;
            }
            try
            {
                Commit(batch);
            }
            catch (Exception)
            {
                if (!TryRollback(batch)) continue;
                foreach (var op in batch) RunAlone(op);
            }
        }
    }

    /// <summary>
    /// Runs the writes in one transaction, commits, and tells their callers only once the commit is on disk: LiteDB's
    /// commit only queues the log pages (LiteDbLogFile). Throws only when a write or the commit fails (nothing stored).
    /// </summary>
    private void Commit(List<IWrite> ops)
    {
        lock (_engineLock)
        {
            _writtenInTransaction.Clear();
            _db.BeginTrans();
            foreach (var op in ops) op.Execute();
            _db.Commit();
        }
        NotDurableException? notDurable = null;
        try
        {
            _log.WaitForQueuedPages();
            _log.Sync();
        }
        catch (Exception e)
        {
            // Committed but not known to be on disk: replaying would store the writes twice, so the callers hear of a
            // failure and retry with their idempotency keys.
            notDurable = new NotDurableException(e);
        }
        foreach (var op in ops) op.Complete(notDurable);
    }

    /// <summary>Writer thread only: a write closure notes each document it stores or deletes.</summary>
    public void Wrote(string collection, string id) => _writtenInTransaction.Add((collection, id));

    /// <summary>
    /// Writer thread only. False means the read cache's copy of the document (if any) is the committed one the
    /// transaction would read: the cache is refreshed after every commit, before the next transaction starts.
    /// </summary>
    public bool WroteInThisTransaction(string collection, string id) => _writtenInTransaction.Contains((collection, id));

    private sealed class NotDurableException(Exception inner) : IOException("The store committed a write but could not make it durable.", inner);

    /// <summary>One write in its own transaction: a write of several documents is kept or undone as a whole.</summary>
    private void RunAlone(IWrite op)
    {
        try
        {
            Commit([op]);
        }
        catch (Exception e)
        {
            if (TryRollback([op])) op.Fail(e);
        }
    }

    /// <summary>
    /// A rollback that throws means the engine has closed itself after an internal error. The writer thread must
    /// survive that (an exception here would end the process): the batch fails, and so does every later write,
    /// which the store's health check then reports.
    /// </summary>
    private bool TryRollback(List<IWrite> batch)
    {
        try
        {
            lock (_engineLock) _db.Rollback();
            return true;
        }
        catch (Exception e)
        {
            foreach (var op in batch) op.Fail(e);
            return false;
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(10));
    }

    private interface IWrite
    {
        void Execute();
        /// <summary>Runs the commit callback either way (the read cache follows what LiteDB holds), then answers the caller.</summary>
        void Complete(Exception? notDurable);
        void Fail(Exception e);
    }

    private sealed class Write<T>(Func<T> write, Action<T>? committed) : IWrite
    {
        private T _result = default!;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute() => _result = write();

        public void Complete(Exception? notDurable)
        {
            committed?.Invoke(_result);
            if (notDurable is null) Completion.TrySetResult(_result);
            else Completion.TrySetException(notDurable);
        }

        public void Fail(Exception e) => Completion.TrySetException(e);

    }
}
