using Assistant.Platform.Storage;

namespace Assistant.Platform.Tests.Storage;

public sealed class LiteDbStoreTests : StoreContract, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assistant-store-tests", Guid.NewGuid().ToString("N"));
    private readonly LiteDbStore _store;

    public LiteDbStoreTests()
    {
        _store = new LiteDbStore(_dir, "test.db", WidgetSchema.Create());
        _store.ApplySchema();
    }

    protected override IDocumentStore Store => _store;

    [Fact] public override Task Round_trip_keeps_money_dates_enums_lists_and_nested_values() => base.Round_trip_keeps_money_dates_enums_lists_and_nested_values();
    [Fact] public override Task A_second_insert_with_the_same_id_is_refused() => base.A_second_insert_with_the_same_id_is_refused();
    [Fact] public override Task A_unique_index_refuses_a_duplicate_value() => base.A_unique_index_refuses_a_duplicate_value();
    [Fact] public override Task Replace_succeeds_only_from_the_current_version() => base.Replace_succeeds_only_from_the_current_version();
    [Fact] public override Task Concurrent_replaces_from_one_version_let_exactly_one_win() => base.Concurrent_replaces_from_one_version_let_exactly_one_win();
    [Fact] public override Task Concurrent_inserts_fail_only_the_ones_that_clash() => base.Concurrent_inserts_fail_only_the_ones_that_clash();
    [Fact] public override Task Replacing_a_missing_document_reports_false() => base.Replacing_a_missing_document_reports_false();
    [Fact] public override Task Queries_filter_sort_and_page_like_the_features_do() => base.Queries_filter_sort_and_page_like_the_features_do();
    [Fact] public override Task A_document_and_its_companion_are_stored_together_and_a_clash_stores_neither() => base.A_document_and_its_companion_are_stored_together_and_a_clash_stores_neither();
    [Fact] public override Task A_replace_with_a_companion_stores_it_only_when_the_replace_wins() => base.A_replace_with_a_companion_stores_it_only_when_the_replace_wins();
    [Fact] public override Task Upsert_creates_then_overwrites_and_delete_removes() => base.Upsert_creates_then_overwrites_and_delete_removes();
    [Fact] public override Task The_store_is_ready_once_its_indexes_are_in_place() => base.The_store_is_ready_once_its_indexes_are_in_place();

    [Fact]
    public void A_second_process_on_the_same_data_directory_fails_fast_with_a_clear_message()
    {
        var error = Assert.Throws<StoreLockedException>(() => new LiteDbStore(_dir, "test.db", WidgetSchema.Create()));
        Assert.Contains("already in use", error.Message);
    }

    [Fact]
    public async Task Data_survives_reopening_the_store()
    {
        var widget = new Widget { Id = "persist", Key = "persist-key", Amount = 42.5m };
        await _store.Collection<Widget>().InsertAsync(widget);
        _store.Dispose();
        using var reopened = new LiteDbStore(_dir, "test.db", WidgetSchema.Create());
        reopened.ApplySchema();
        Assert.Equal(42.5m, (await reopened.Collection<Widget>().GetAsync("persist"))!.Amount);
    }

    [Fact]
    public async Task On_LiteDB_a_clash_on_the_companion_also_undoes_the_document()
    {
        await _store.Collection<Note>().InsertAsync(new Note { Id = "taken" });
        var widget = new Widget { Id = Guid.NewGuid().ToString("N"), Key = Guid.NewGuid().ToString("N") };
        // Alone, and inside a batch with other writers: both paths must keep the pair whole.
        var others = Enumerable.Range(0, 20).Select(i => _store.Collection<Note>().InsertAsync(new Note { Id = $"other-{i}" })).ToList();
        await Assert.ThrowsAsync<DuplicateKeyException>(() => _store.Collection<Widget>().InsertWithAsync(widget, new Note { Id = "taken" }));
        await Task.WhenAll(others);
        Assert.Null(await _store.Collection<Widget>().GetAsync(widget.Id));
        Assert.NotNull(await _store.Collection<Note>().GetAsync("other-19"));
    }

    [Fact]
    public async Task On_LiteDB_many_documents_and_their_companions_are_stored_all_or_nothing()
    {
        await _store.Collection<Note>().InsertAsync(new Note { Id = "taken-too" });
        Widget[] Widgets(string prefix) => [.. Enumerable.Range(0, 5).Select(i => new Widget { Id = $"{prefix}-{i}", Key = $"{prefix}-key-{i}" })];

        var stored = Widgets("sheet");
        await _store.Collection<Widget>().InsertManyWithAsync(stored, stored.Select(w => new Note { Id = "note-" + w.Id }).ToList());
        Assert.Equal(1, (await _store.Collection<Widget>().GetAsync("sheet-4"))!.Version);
        Assert.NotNull(await _store.Collection<Note>().GetAsync("note-sheet-4"));

        var refused = Widgets("refused");
        var notes = refused.Select(w => new Note { Id = w.Id == "refused-3" ? "taken-too" : "note-" + w.Id }).ToList();
        await Assert.ThrowsAsync<DuplicateKeyException>(() => _store.Collection<Widget>().InsertManyWithAsync(refused, notes));
        Assert.Null(await _store.Collection<Widget>().GetAsync("refused-0"));
        Assert.Null(await _store.Collection<Note>().GetAsync("note-refused-0"));
    }

    [Fact]
    public async Task Version_checks_see_the_earlier_writes_of_the_same_group_commit()
    {
        var widgets = _store.Collection<Widget>();
        for (var round = 0; round < 20; round++)
        {
            var widget = new Widget { Id = $"batched-{round}", Key = $"batched-key-{round}" };
            await widgets.InsertAsync(widget);
            var (a, b) = ((await widgets.GetAsync(widget.Id))!, (await widgets.GetAsync(widget.Id))!);
            // A slow write first, so the three below queue up behind it and are committed together.
            var slow = _store.Collection<Note>().InsertManyAsync([.. Enumerable.Range(0, 2000).Select(i => new Note { Id = $"slow-{round}-{i}" })]);
            var first = widgets.ReplaceAsync(a);
            var second = widgets.ReplaceAsync(b);
            var overwrite = new Widget { Id = widget.Id, Key = widget.Key };
            var upsert = widgets.UpsertAsync(overwrite);
            await slow;
            Assert.True(await first);
            Assert.False(await second);
            await upsert;
            Assert.Equal(3, overwrite.Version);
            Assert.Equal(3, (await widgets.GetAsync(widget.Id))!.Version);
        }
    }

    [Fact]
    public async Task A_commit_whose_fsync_fails_is_reported_as_failed_and_later_reads_and_checks_follow_what_LiteDB_holds()
    {
        var widgets = _store.Collection<Widget>();
        await widgets.InsertAsync(new Widget { Id = "flaky", Key = "flaky-key" });
        var copy = (await widgets.GetAsync("flaky"))!;
        copy.Amount = 7m;
        _store.Log.SimulatedSyncFailure = new IOException("disk gone");
        try
        {
            await Assert.ThrowsAnyAsync<IOException>(() => widgets.ReplaceAsync(copy));
        }
        finally
        {
            _store.Log.SimulatedSyncFailure = null;
        }

        // LiteDB holds version 2 (committed, not known to be on disk): reads and the next version check agree with it.
        var current = (await widgets.GetAsync("flaky"))!;
        Assert.Equal((2, 7m), (current.Version, current.Amount));
        Assert.False(await widgets.ReplaceAsync(new Widget { Id = "flaky", Key = "flaky-key", Version = 1 }));
        Assert.True(await widgets.ReplaceAsync(current));
    }

    [Fact]
    public async Task Readers_never_see_an_older_version_than_the_last_completed_write()
    {
        // Reads by id come from a cache the writer refreshes: a reader racing a writer must not pin a stale copy.
        var widgets = _store.Collection<Widget>();
        var widget = new Widget { Id = "hot", Key = "hot-key" };
        await widgets.InsertAsync(widget);
        long completed = 1;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var floor = Interlocked.Read(ref completed);
                var read = await widgets.GetAsync("hot");
                Assert.True(read!.Version >= floor, $"read version {read.Version} after version {floor} was stored");
            }
        })).ToArray();
        for (var i = 0; i < 300; i++)
        {
            var current = (await widgets.GetAsync("hot"))!;
            current.Amount = i;
            Assert.True(await widgets.ReplaceAsync(current));
            Interlocked.Exchange(ref completed, current.Version);
        }
        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Equal(301, (await widgets.GetAsync("hot"))!.Version);
        Assert.Equal(299m, (await widgets.GetAsync("hot"))!.Amount);
    }

    [Fact]
    public async Task A_completed_write_is_in_the_store_files_not_only_in_memory()
    {
        // The log file is ours (LiteDbLogFile): a wrong wiring (e.g. a log kept in memory) would lose every write on restart.
        for (var i = 0; i < 50; i++)
        {
            var marker = $"durable-{Guid.NewGuid():N}";
            await _store.Collection<Note>().InsertAsync(new Note { Id = marker, Text = marker });
            var onDisk = Directory.GetFiles(_dir).Where(f => f.EndsWith(".db", StringComparison.Ordinal))
                .Select(f => { using var read = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); using var copy = new MemoryStream(); read.CopyTo(copy); return copy.ToArray(); });
            Assert.Contains(onDisk, bytes => bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(marker)) >= 0);
        }
    }

    [Fact]
    public void Every_declared_collection_exists_once_the_schema_is_applied_even_without_indexes()
    {
        Assert.Contains("notes", _store.CollectionNames);
        Assert.Contains("widgets", _store.CollectionNames);
    }

    [Fact]
    public async Task Readers_racing_the_first_write_to_a_collection_never_break_the_engine()
    {
        // LiteDB #2792: a read while the collection's first write commits used to close the engine.
        for (var round = 0; round < 10; round++)
        {
            var dir = Path.Combine(_dir, $"race-{round}");
            using var store = new LiteDbStore(dir, "race.db", WidgetSchema.Create());
            store.ApplySchema();
            var notes = store.Collection<Note>();
            using var stop = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested) await notes.GetAsync("first");
            })).ToArray();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => notes.UpsertAsync(new Note { Id = i == 0 ? "first" : $"n{i}", Text = "居家养老" })));
            stop.Cancel();
            await Task.WhenAll(readers);
            Assert.NotNull(await notes.GetAsync("first"));
            Assert.True(await store.IsReadyAsync());
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
