using System.Text;
using Assistant.Platform.Storage;

namespace Assistant.Platform.Tests.Storage;

/// <summary>The append-only log that holds the bot's state on the embedded deployment (ADR 0010).</summary>
public sealed class KeyValueLogTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assistant-kvlog-tests", Guid.NewGuid().ToString("N"));
    private string LogPath => Path.Combine(_dir, "state.log");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Values_read_back_with_versions_that_count_their_writes()
    {
        using var log = KeyValueLog.Open(LogPath);
        Assert.Equal(1, await log.PutAsync("会话/1", "{\"步骤\":\"名称\"}"));
        Assert.Equal(2, await log.PutAsync("会话/1", "{\"步骤\":\"信用代码\"}"));
        Assert.Equal(new KeyValueLog.Stored("{\"步骤\":\"信用代码\"}", 2), await log.GetAsync("会话/1"));
        Assert.Null(await log.GetAsync("missing"));
    }

    [Fact]
    public async Task A_write_from_a_stale_version_is_refused_and_the_newer_value_kept()
    {
        using var log = KeyValueLog.Open(LogPath);
        await log.PutAsync("k", "v1");
        Assert.Equal(2, await log.PutAsync("k", "v2", expectedVersion: 1));
        Assert.Null(await log.PutAsync("k", "lost update", expectedVersion: 1));
        Assert.Equal("v2", (await log.GetAsync("k"))!.Value);
        Assert.Equal(1, await log.PutAsync("new", "x", expectedVersion: 7)); // a missing key is created, as MemoryStorage does
    }

    [Fact]
    public async Task Values_versions_and_deletions_survive_reopening()
    {
        using (var log = KeyValueLog.Open(LogPath))
        {
            await log.PutAsync("a", "一");
            await log.PutAsync("a", "二");
            await log.PutAsync("b", "gone");
            Assert.True(await log.DeleteAsync("b"));
            Assert.False(await log.DeleteAsync("b"));
        }
        using var reopened = KeyValueLog.Open(LogPath);
        Assert.Equal(new KeyValueLog.Stored("二", 2), await reopened.GetAsync("a"));
        Assert.Null(await reopened.GetAsync("b"));
        Assert.Equal(0, reopened.TruncatedBytes);
    }

    [Theory]
    [InlineData(3)]   // a torn header
    [InlineData(20)]  // a header and part of the body
    public async Task A_record_torn_by_a_crash_is_cut_off_and_everything_before_it_kept(int tornBytes)
    {
        using (var log = KeyValueLog.Open(LogPath)) await log.PutAsync("a", "kept");
        using (var log = KeyValueLog.Open(LogPath + ".other")) await log.PutAsync("b", "a record long enough to tear anywhere");
        var torn = File.ReadAllBytes(LogPath + ".other")[..tornBytes];
        using (var file = new FileStream(LogPath, FileMode.Append)) file.Write(torn);

        using (var log = KeyValueLog.Open(LogPath))
        {
            Assert.Equal(tornBytes, log.TruncatedBytes);
            Assert.Equal(log.FileLength, new FileInfo(LogPath).Length);
            Assert.Equal("kept", (await log.GetAsync("a"))!.Value);
            await log.PutAsync("c", "after the crash");
        }
        using var again = KeyValueLog.Open(LogPath);
        Assert.Equal(0, again.TruncatedBytes);
        Assert.Equal("after the crash", (await again.GetAsync("c"))!.Value);
    }

    [Fact]
    public async Task A_last_record_that_fails_its_checksum_is_dropped()
    {
        using (var log = KeyValueLog.Open(LogPath))
        {
            await log.PutAsync("a", "kept");
            await log.PutAsync("b", "damaged");
        }
        var bytes = File.ReadAllBytes(LogPath);
        bytes[^2] ^= 0x55;
        File.WriteAllBytes(LogPath, bytes);

        using var reopened = KeyValueLog.Open(LogPath);
        Assert.Equal("kept", (await reopened.GetAsync("a"))!.Value);
        Assert.Null(await reopened.GetAsync("b"));
        Assert.True(reopened.TruncatedBytes > 0);
    }

    [Fact]
    public void A_second_process_on_the_same_log_fails_fast_with_a_clear_message()
    {
        using var log = KeyValueLog.Open(LogPath);
        var error = Assert.Throws<StoreLockedException>(() => KeyValueLog.Open(LogPath));
        Assert.Contains("already in use", error.Message);
    }

    [Fact]
    public async Task Rewriting_keeps_only_each_keys_last_value_and_the_rewritten_file_reopens()
    {
        var big = new string('x', 400);
        using (var log = KeyValueLog.Open(LogPath, compactAbove: 8 * 1024))
        {
            for (var i = 0; i < 200; i++) await log.PutAsync("hot", big + i);
            await log.PutAsync("cold", "unchanged");
            Assert.True(log.Compactions > 0);
            Assert.True(log.FileLength < 20 * 1024, $"log is {log.FileLength} bytes");
            Assert.Equal(new KeyValueLog.Stored(big + 199, 200), await log.GetAsync("hot"));
        }
        Assert.False(File.Exists(LogPath + ".compact"));
        using var reopened = KeyValueLog.Open(LogPath);
        Assert.Equal(new KeyValueLog.Stored(big + 199, 200), await reopened.GetAsync("hot"));
        Assert.Equal("unchanged", (await reopened.GetAsync("cold"))!.Value);
    }

    [Fact]
    public async Task A_batch_is_stored_whole_or_not_at_all_and_its_members_survive_rewrites()
    {
        static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
        var big = new string('x', 400);
        using (var log = KeyValueLog.OpenBinary(LogPath, compactAbove: 8 * 1024))
        {
            var versions = await log.PutAllAsync([("rating/1", Bytes("评分"), 0), ("audit/1", Bytes("审计"), 0)]);
            Assert.Equal(new long[] { 1, 1 }, versions!);
            // A conflict on one member writes none of them.
            Assert.Null(await log.PutAllAsync([("rating/2", Bytes("new"), 0), ("audit/1", Bytes("again"), 0)]));
            for (var i = 0; i < 100; i++) await log.PutAllAsync([("hot", Bytes(big + i), null)]);
            Assert.True(log.Compactions > 0);
        }
        using var reopened = KeyValueLog.OpenBinary(LogPath);
        var all = reopened.ReadAll().ToDictionary(r => r.Key, r => (Encoding.UTF8.GetString(r.Value), r.Version));
        Assert.Equal(("评分", 1L), all["rating/1"]);
        Assert.Equal(("审计", 1L), all["audit/1"]);
        Assert.Equal((big + 99, 100L), all["hot"]);
        Assert.False(all.ContainsKey("rating/2"));
    }

    [Fact]
    public async Task A_rewrite_that_fails_leaves_the_log_working_and_is_tried_again_later()
    {
        using var log = KeyValueLog.Open(LogPath, compactAbove: 4 * 1024);
        Directory.CreateDirectory(LogPath + ".compact"); // the new file cannot be created
        for (var i = 0; i < 40; i++) await log.PutAsync("hot", new string('x', 300) + i);
        Assert.NotNull(log.CompactionFailure);
        Assert.Equal(0, log.Compactions);
        Assert.Null(log.Failure);
        Assert.Equal(new string('x', 300) + 39, (await log.GetAsync("hot"))!.Value);

        Directory.Delete(LogPath + ".compact");
        for (var i = 40; i < 80; i++) await log.PutAsync("hot", new string('x', 300) + i);
        Assert.True(log.Compactions > 0);
        Assert.Null(log.CompactionFailure);
        Assert.Equal(new KeyValueLog.Stored(new string('x', 300) + 79, 80), await log.GetAsync("hot"));
    }

    [Fact]
    public async Task Reads_during_rewrites_always_see_a_whole_value()
    {
        using var log = KeyValueLog.Open(LogPath, compactAbove: 16 * 1024, keepChars: 0); // every read from the file
        for (var k = 0; k < 8; k++) await log.PutAsync($"k{k}", new string((char)('a' + k), 300));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var writer = Task.Run(async () =>
        {
            for (var i = 0; log.Compactions < 5 && !stop.IsCancellationRequested; i++) await log.PutAsync($"k{i % 8}", new string((char)('a' + i % 8), 300));
        });
        for (var reads = 0; !writer.IsCompleted; reads++)
        {
            var k = reads % 8;
            Assert.Equal(new string((char)('a' + k), 300), (await log.GetAsync($"k{k}"))!.Value);
            await Task.Yield();
        }
        await writer;
        Assert.Equal(5, log.Compactions);
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loses_no_update_and_writers_share_fsyncs()
    {
        using (var log = KeyValueLog.Open(LogPath))
        {
            await Task.WhenAll(Enumerable.Range(0, 32).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    while (true)
                    {
                        var current = await log.GetAsync("counter");
                        var next = (current is null ? 0 : int.Parse(current.Value)) + 1;
                        if (await log.PutAsync("counter", next.ToString(), current?.Version ?? 0) is not null) break;
                    }
                    await log.PutAsync($"own/{w}", i.ToString());
                }
            })));
            Assert.True(log.Flushes < 1_600, $"{log.Flushes} fsyncs for 1,600 acknowledged writes");
        }
        using var reopened = KeyValueLog.Open(LogPath);
        Assert.Equal("800", (await reopened.GetAsync("counter"))!.Value);
        for (var w = 0; w < 32; w++) Assert.Equal(new KeyValueLog.Stored("24", 25), await reopened.GetAsync($"own/{w}"));
    }

    [Fact]
    public async Task Values_beyond_the_memory_budget_are_read_from_the_file()
    {
        using var log = KeyValueLog.Open(LogPath, keepChars: 1_000);
        for (var k = 0; k < 10; k++) await log.PutAsync($"k{k}", new string((char)('甲' + k), 300));
        for (var round = 0; round < 3; round++)
            for (var k = 0; k < 10; k++)
                Assert.Equal(new KeyValueLog.Stored(new string((char)('甲' + k), 300), 1), await log.GetAsync($"k{k}"));
        await log.PutAsync("k3", "changed");
        Assert.Equal(new KeyValueLog.Stored("changed", 2), await log.GetAsync("k3"));
        Assert.True(await log.DeleteAsync("k4"));
        Assert.Null(await log.GetAsync("k4"));
    }

    [Fact]
    public async Task A_new_log_starts_with_the_seed_and_an_existing_one_never_asks_for_it()
    {
        using (var log = KeyValueLog.Open(LogPath, () => [("moved", "from the store", 5)]))
            Assert.Equal(new KeyValueLog.Stored("from the store", 5), await log.GetAsync("moved"));
        using var reopened = KeyValueLog.Open(LogPath, () => throw new InvalidOperationException("seeded twice"));
        Assert.Equal(6, await reopened.PutAsync("moved", "changed"));
    }

    [Fact]
    public async Task After_a_failed_fsync_the_log_refuses_work_instead_of_guessing()
    {
        using var log = KeyValueLog.Open(LogPath);
        await log.PutAsync("a", "durable");
        log.SimulatedSyncFailure = new IOException("disk gone");
        await Assert.ThrowsAsync<IOException>(() => log.PutAsync("b", "not acknowledged"));
        Assert.NotNull(log.Failure);
        await Assert.ThrowsAsync<IOException>(async () => await log.GetAsync("a"));
        await Assert.ThrowsAsync<IOException>(() => log.PutAsync("c", "later"));
    }

    [Fact]
    public void Keys_too_long_to_store_are_refused_before_anything_is_written()
    {
        using var log = KeyValueLog.Open(LogPath);
        var key = new string('键', 30_000); // 90,000 UTF-8 bytes
        Assert.Throws<ArgumentException>(() => log.PutAsync(key, "v").GetAwaiter().GetResult());
        Assert.Equal(0, log.FileLength);
        Assert.Equal(90_000, Encoding.UTF8.GetByteCount(key));
    }
}
