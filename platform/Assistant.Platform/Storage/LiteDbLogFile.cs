using System.Reflection;
using LiteDB;
using LiteDB.Engine;

namespace Assistant.Platform.Storage;

/// <summary>
/// LiteDB's write-ahead log file, opened by us so a commit is made durable once and on purpose.
/// LiteDB 5.0.20's <c>Commit</c> returns when the log pages are queued, before they are written, and its background
/// writer fsyncs whenever that queue runs empty, which under load meant an fsync for almost every page: about half
/// the writer's CPU, and still no promise that an acknowledged write was on disk. Here LiteDB's own flushes only
/// reach the OS; after each commit the store's writer waits for the queue to drain (<see cref="WaitForQueuedPages"/>)
/// and then fsyncs once (<see cref="Sync"/>): one fsync per group commit, after which the data is on disk.
/// </summary>
internal sealed class LiteDbLogFile : Stream
{
    private readonly FileStream _file;
    private Action _waitForQueue = () => { };

    public LiteDbLogFile(string dataFile)
    {
        var log = Path.Combine(Path.GetDirectoryName(dataFile)!, Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));
        _file = new FileStream(log, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 1);
    }

    /// <summary>Finds the engine's log writer queue. Reflection on a pinned LiteDB version (5.0.20); checked by the platform tests.</summary>
    public void Attach(LiteEngine engine)
    {
        var disk = typeof(LiteEngine).GetField("_disk", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(engine)
            ?? throw new InvalidOperationException("LiteDB internals changed: LiteEngine._disk not found (see LiteDbLogFile).");
        var lazyQueue = disk.GetType().GetProperty("Queue")?.GetValue(disk)
            ?? throw new InvalidOperationException("LiteDB internals changed: DiskService.Queue not found (see LiteDbLogFile).");
        var value = lazyQueue.GetType().GetProperty("Value")!;
        var wait = value.PropertyType.GetMethod("Wait", Type.EmptyTypes)
            ?? throw new InvalidOperationException("LiteDB internals changed: DiskWriterQueue.Wait not found (see LiteDbLogFile).");
        _waitForQueue = () => wait.Invoke(value.GetValue(lazyQueue), null);
    }

    /// <summary>Blocks until every log page LiteDB has queued is written to the file.</summary>
    public void WaitForQueuedPages() => _waitForQueue();

    /// <summary>Tests only: the failure a failing disk would give, raised instead of the fsync.</summary>
    internal Exception? SimulatedSyncFailure { get; set; }

    /// <summary>fsync: everything written to the log so far is on disk.</summary>
    public void Sync()
    {
        if (SimulatedSyncFailure is { } failure) throw failure;
        // The same lock LiteDB's ConcurrentStream takes around every read and write of this stream.
        lock (this) _file.Flush(flushToDisk: true);
    }

    // LiteDB calls Flush after draining its queue (FlushToDisk on a stream that is not a FileStream): reaching the OS is enough.
    public override void Flush() => _file.Flush(flushToDisk: false);

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);
    public override void SetLength(long value) => _file.SetLength(value);
    public override void Write(byte[] buffer, int offset, int count) => _file.Write(buffer, offset, count);
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _file.Length;
    public override long Position { get => _file.Position; set => _file.Position = value; }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
        base.Dispose(disposing);
    }
}
