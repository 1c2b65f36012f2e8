using System.Collections.Concurrent;
using System.Diagnostics;
using Assistant.Platform.Storage;

namespace Assistant.Bench.Load;

/// <summary>
/// Crash safety of the bot's state log (ADR 0010): a child process writes state records from 16 writers and prints each
/// acknowledged (key, version); it is SIGKILLed at random moments, each round on the same file, with a small compaction
/// threshold so kills also land during rewrites. After every kill the log must open, and every acknowledged version
/// must be there (or a later one), with the value that version was written with.
/// </summary>
public static class StateLogCrash
{
    private const int Writers = 16, KeysPerWriter = 20;

    public static async Task<int> RunAsync(int kills)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"assistant-state-crash-{Guid.NewGuid():N}");
        var path = Path.Combine(dir, "bot-state.log");
        var acknowledged = new ConcurrentDictionary<string, long>();
        var random = new Random(Environment.TickCount);
        var problems = new List<string>();
        try
        {
            for (var round = 1; round <= kills; round++)
            {
                var child = Process.Start(new ProcessStartInfo("dotnet", [typeof(StateLogCrash).Assembly.Location, "state-log-writer", path])
                { RedirectStandardOutput = true, UseShellExecute = false })!;
                var reader = Task.Run(async () =>
                {
                    while (await child.StandardOutput.ReadLineAsync() is { } line)
                        if (line.Split('\t') is [var key, var version] && long.TryParse(version, out var v))
                            acknowledged.AddOrUpdate(key, v, (_, old) => Math.Max(old, v));
                });
                await Task.Delay(random.Next(300, 1500));
                child.Kill(entireProcessTree: true); // SIGKILL: no shutdown hooks, no flush
                await child.WaitForExitAsync();
                await reader;
                using var log = KeyValueLog.Open(path); // opening is itself the check that the file is whole
                foreach (var (key, version) in acknowledged)
                {
                    var stored = await log.GetAsync(key);
                    if (stored is null || stored.Version < version) problems.Add($"{key}: version {version} acknowledged, {stored?.Version.ToString() ?? "nothing"} stored");
                    else if (stored.Value != ValueOf(key, stored.Version)) problems.Add($"{key}: version {stored.Version} holds another value");
                }
                Console.WriteLine($"state log kill {round}/{kills}: {acknowledged.Values.Sum()} acknowledged writes so far, {log.FileLength / 1024} KB, cut {log.TruncatedBytes} bytes of a torn write");
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        Console.WriteLine($"state log after {kills} SIGKILLs: {(problems.Count == 0 ? "every acknowledged write present" : $"{problems.Count} problems")}");
        foreach (var p in problems.Take(20)) Console.WriteLine("  " + p);
        return problems.Count == 0 && !acknowledged.IsEmpty ? 0 : 1;
    }

    /// <summary>The child: writes until killed, printing each write once its fsync has returned.</summary>
    public static async Task<int> WriteUntilKilledAsync(string path)
    {
        using var log = KeyValueLog.Open(path, compactAbove: 512 * 1024);
        var output = Console.Out;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; ; i++)
            {
                var key = $"emulator/conversations/crash-{w}-{i % KeysPerWriter}";
                var current = await log.GetAsync(key);
                var next = (current?.Version ?? 0) + 1;
                if (await log.PutAsync(key, ValueOf(key, next), current?.Version ?? 0) != next) continue;
                lock (output) { output.WriteLine($"{key}\t{next}"); output.Flush(); }
            }
        })));
        return 0;
    }

    private static string ValueOf(string key, long version) => $"{{\"key\":\"{key}\",\"version\":{version},\"pad\":\"{new string('状', 200)}\"}}";
}
