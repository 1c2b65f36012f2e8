using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Assistant.Knowledge.Search;

/// <summary>
/// The policy index is searched from memory and kept on disk. Lucene.NET's file directories cost too much under
/// concurrent search: MMapDirectory registers every input clone in a ConditionalWeakTable, and the GC's
/// dependent-handle scanning took about two thirds of the API's CPU (lucenenet#1151); NIOFSDirectory serialises
/// reads behind a lock. The index is small (derived from the store's passages), so it is loaded into a
/// RAMDirectory at start and each commit is copied back to disk: segment files first, the commit point last, so a
/// crash mid-copy leaves the previous commit readable (and a wrong fingerprint only means a rebuild).
/// </summary>
internal sealed class MemoryMirroredIndex : IDisposable
{
    private const string LockFile = "write.lock";
    private readonly FSDirectory _disk;

    private MemoryMirroredIndex(FSDirectory disk, RAMDirectory memory)
    {
        _disk = disk;
        Memory = memory;
    }

    public RAMDirectory Memory { get; }

    public static MemoryMirroredIndex Open(string path)
    {
        var disk = new SimpleFSDirectory(path);
        try
        {
            return new MemoryMirroredIndex(disk, DirectoryReader.IndexExists(disk) ? new RAMDirectory(disk, IOContext.DEFAULT) : new RAMDirectory());
        }
        catch (IOException)
        {
            // An unreadable index on disk is rebuilt from the store, like a missing one.
            return new MemoryMirroredIndex(disk, new RAMDirectory());
        }
    }

    /// <summary>Copies the latest commit to disk and removes files no commit needs any more.</summary>
    public void Persist()
    {
        var inMemory = Memory.ListAll().Where(f => f != LockFile).ToList();
        var onDisk = _disk.ListAll().ToHashSet();
        // Segment files never change once written; only the commit points (segments_N, segments.gen) are new or rewritten.
        var copied = new List<string>();
        foreach (var file in inMemory.OrderBy(f => f.StartsWith("segments", StringComparison.Ordinal) ? (f == "segments.gen" ? 2 : 1) : 0))
        {
            if (onDisk.Contains(file) && !file.StartsWith("segments", StringComparison.Ordinal)) continue;
            if (onDisk.Contains(file)) _disk.DeleteFile(file);
            Memory.Copy(_disk, file, file, IOContext.DEFAULT);
            copied.Add(file);
        }
        _disk.Sync(copied);
        foreach (var stale in onDisk.Except(inMemory).Where(f => f != LockFile)) _disk.DeleteFile(stale);
    }

    public void Dispose()
    {
        Memory.Dispose();
        _disk.Dispose();
    }
}
