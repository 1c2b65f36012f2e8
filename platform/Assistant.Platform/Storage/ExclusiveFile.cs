using Microsoft.Win32.SafeHandles;

namespace Assistant.Platform.Storage;

/// <summary>A file only this process may open: how each embedded store claims its files (ADR 0003, ADR 0010).</summary>
internal static class ExclusiveFile
{
    /// <summary>Opens or creates <paramref name="path"/>; when another process holds it, fails with a message naming <paramref name="store"/>.</summary>
    public static SafeFileHandle Open(string path, string store)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix, released by the kernel if we are killed.
            return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new StoreLockedException(store, e);
        }
    }
}
