using System.Linq.Expressions;
using Assistant.Platform.Storage;

namespace Assistant.Platform.Tests.Storage;

public sealed class LogStoreTests : StoreContract, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assistant-store-tests", Guid.NewGuid().ToString("N"));
    private LogStore _store;

    public LogStoreTests()
    {
        _store = new LogStore(_dir, "test.db", WidgetSchema.Create());
        _store.ApplySchema();
    }

    protected override IDocumentStore Store => _store;

    private IDocumentCollection<Widget> Widgets => _store.Collection<Widget>();

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

    private LogStore Reopen()
    {
        _store.Dispose();
        _store = new LogStore(_dir, "test.db", WidgetSchema.Create());
        return _store;
    }

    [Fact]
    public void A_second_process_on_the_same_data_directory_fails_fast_with_a_clear_message()
    {
        var error = Assert.Throws<StoreLockedException>(() => new LogStore(_dir, "test.db", WidgetSchema.Create()));
        Assert.Contains("already in use", error.Message);
    }

    [Fact]
    public async Task Documents_versions_and_unique_values_survive_reopening_the_store()
    {
        var widget = new Widget { Id = "persist", Key = "persist-key", Amount = 42.5m, State = WidgetState.Active };
        await Widgets.InsertAsync(widget);
        widget.Amount = 43m;
        Assert.True(await Widgets.ReplaceAsync(widget));
        await _store.Collection<Note>().UpsertAsync(new Note { Id = "gone" });
        await _store.Collection<Note>().DeleteAsync("gone");

        Reopen();
        var read = (await Widgets.GetAsync("persist"))!;
        Assert.Equal((43m, 2L), (read.Amount, read.Version));
        Assert.Null(await _store.Collection<Note>().GetAsync("gone"));
        Assert.Single(await Widgets.FindAsync(w => w.State == WidgetState.Active));
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Widgets.InsertAsync(new Widget { Id = "other", Key = "persist-key" }));
    }

    [Fact]
    public async Task Many_documents_and_their_companions_are_stored_all_or_nothing()
    {
        await _store.Collection<Note>().InsertAsync(new Note { Id = "taken-too" });
        Widget[] Batch(string prefix) => [.. Enumerable.Range(0, 5).Select(i => new Widget { Id = $"{prefix}-{i}", Key = $"{prefix}-key-{i}" })];

        var stored = Batch("sheet");
        await Widgets.InsertManyWithAsync(stored, stored.Select(w => new Note { Id = "note-" + w.Id }).ToList());
        Assert.Equal(1, (await Widgets.GetAsync("sheet-4"))!.Version);

        var refused = Batch("refused");
        refused[4] = new Widget { Id = "refused-4", Key = "refused-key-0" }; // a clash inside the same write
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Widgets.InsertManyAsync(refused));
        var notes = Batch("again").Select(w => new Note { Id = w.Id == "again-3" ? "taken-too" : "note-" + w.Id }).ToList();
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Widgets.InsertManyWithAsync(Batch("again"), notes));
        Assert.Null(await Widgets.GetAsync("refused-0"));
        Assert.Null(await Widgets.GetAsync("again-0"));
        Assert.Null(await _store.Collection<Note>().GetAsync("note-again-0"));
    }

    [Fact]
    public async Task A_write_torn_by_a_crash_keeps_neither_the_document_nor_its_companion()
    {
        await Widgets.InsertAsync(new Widget { Id = "before", Key = "before-key" });
        var length = new FileInfo(_store.PathOnDisk).Length;
        await Widgets.InsertWithAsync(new Widget { Id = "torn", Key = "torn-key" }, new Note { Id = "torn-note", Text = "审计" });
        var whole = new FileInfo(_store.PathOnDisk).Length;
        _store.Dispose();
        // Cut the last record anywhere past the first member's end: replay must drop the pair, never keep half.
        using (var file = new FileStream(_store.PathOnDisk, FileMode.Open)) file.SetLength(whole - 3);

        Reopen();
        Assert.NotNull(await Widgets.GetAsync("before"));
        Assert.Null(await Widgets.GetAsync("torn"));
        Assert.Null(await _store.Collection<Note>().GetAsync("torn-note"));
        Assert.Equal(length, new FileInfo(_store.PathOnDisk).Length);
        await Widgets.InsertAsync(new Widget { Id = "torn", Key = "torn-key" }); // the torn key is free again
    }

    [Fact]
    public async Task After_a_failed_fsync_nothing_is_served_until_the_store_is_reopened()
    {
        await Widgets.InsertAsync(new Widget { Id = "flaky", Key = "flaky-key", Amount = 1m });
        var copy = (await Widgets.GetAsync("flaky"))!;
        copy.Amount = 7m;
        _store.Log.SimulatedSyncFailure = new IOException("disk gone");
        await Assert.ThrowsAnyAsync<IOException>(() => Widgets.ReplaceAsync(copy));
        _store.Log.SimulatedSyncFailure = null;

        await Assert.ThrowsAnyAsync<IOException>(() => Widgets.GetAsync("flaky"));
        await Assert.ThrowsAnyAsync<IOException>(() => Widgets.FindAsync(w => w.Amount > 0));
        Assert.False(await _store.IsReadyAsync());
        // The simulated failure comes after the write reached the OS, so either version may be back; a whole one is.
        Reopen();
        Assert.True(await _store.IsReadyAsync());
        Assert.Contains((await Widgets.GetAsync("flaky"))!.Amount, new[] { 1m, 7m });
    }

    [Fact]
    public async Task An_indexed_query_finds_what_a_scan_finds_and_reuses_its_compiled_shape_with_other_values()
    {
        var widgets = Enumerable.Range(0, 30).Select(i => new Widget
        {
            Id = $"w{i}", Key = $"k{i}", State = (WidgetState)(i % 3), Amount = i, Remark = i % 5 == 0 ? null : $"名称{i}",
        }).ToList();
        await Widgets.InsertManyAsync(widgets);
        foreach (var state in Enum.GetValues<WidgetState>())
        {
            // Indexed (State) and not (Amount's comparison), with a captured value each round.
            var byIndex = await Widgets.FindAsync(w => w.State == state && w.Amount >= 3);
            Assert.Equal(widgets.Where(w => w.State == state && w.Amount >= 3).Select(w => w.Id), byIndex.Select(w => w.Id));
            Assert.Equal(widgets.Count(w => w.State == state), await Widgets.CountAsync(w => w.State == state));
        }
        // A null field fails to match instead of throwing.
        Assert.Equal(24, await Widgets.CountAsync(w => w.Remark!.Contains("名称")));
        Assert.Equal(6, await Widgets.CountAsync(w => w.Remark == null));
        Assert.Equal(6, await Widgets.CountAsync(w => !w.Remark!.StartsWith("名称")));
        var key = "k7";
        Assert.Equal("w7", Assert.Single(await Widgets.FindAsync(w => w.Key == key)).Id);

        // A document that changes its indexed values moves between them; a deleted one leaves them.
        var moved = (await Widgets.GetAsync("w7"))!;
        (moved.State, moved.Key) = (WidgetState.Retired, "k7-renamed");
        Assert.True(await Widgets.ReplaceAsync(moved));
        Assert.Empty(await Widgets.FindAsync(w => w.Key == key));
        Assert.Equal("w7", Assert.Single(await Widgets.FindAsync(w => w.Key == "k7-renamed")).Id);
        Assert.Contains("w7", (await Widgets.FindAsync(w => w.State == WidgetState.Retired)).Select(w => w.Id));
        Assert.DoesNotContain("w7", (await Widgets.FindAsync(w => w.State == WidgetState.Active)).Select(w => w.Id));
        await Widgets.InsertAsync(new Widget { Id = "w7-again", Key = key }); // the old unique value is free
        await _store.Collection<Note>().UpsertAsync(new Note { Id = "n" });
        Assert.True(await _store.Collection<Note>().DeleteAsync("n"));
        Assert.Equal(0, await _store.Collection<Note>().CountAsync(n => n.Id == "n"));
    }

    [Fact]
    public async Task A_date_index_finds_the_date_as_it_reads_back_not_as_it_was_given()
    {
        // Stored dates are UTC and whole milliseconds: the index must hold what a read returns, or an equality on a
        // date read from the store would miss through the index while a scan finds it.
        var given = new DateTime(2026, 5, 1, 8, 30, 0, DateTimeKind.Unspecified).AddTicks(12_345);
        await Widgets.InsertAsync(new Widget { Id = "dated", Key = "dated", At = given });
        var read = (await Widgets.GetAsync("dated"))!;
        Assert.Equal("dated", Assert.Single(await Widgets.FindAsync(w => w.At == read.At)).Id);
        Reopen();
        Assert.Equal("dated", Assert.Single(await Widgets.FindAsync(w => w.At == read.At)).Id);
    }

    [Fact]
    public async Task Every_read_is_a_copy_the_caller_may_change()
    {
        await Widgets.InsertAsync(new Widget { Id = "copy", Key = "copy-key", Tags = ["a"] });
        var first = (await Widgets.GetAsync("copy"))!;
        first.Tags.Add("b");
        first.Amount = 9m;
        var found = Assert.Single(await Widgets.FindAsync(w => w.Key == "copy-key"));
        Assert.Equal(["a"], found.Tags);
        Assert.Equal(0m, found.Amount);
        Assert.Empty(await Widgets.FindAsync(w => w.Amount == 9m));
    }

    [Fact]
    public async Task The_first_start_on_an_earlier_LiteDB_data_directory_carries_its_documents_and_versions_over()
    {
        _store.Dispose();
        var dir = Path.Combine(_dir, "upgrade");
        using (var lite = new LiteDbStore(dir, "test.db", WidgetSchema.Create()))
        {
            lite.ApplySchema();
            var widget = new Widget { Id = "old", Key = "old-key", Amount = 5m };
            await lite.Collection<Widget>().InsertAsync(widget);
            Assert.True(await lite.Collection<Widget>().ReplaceAsync(widget));
            await lite.Collection<Note>().InsertAsync(new Note { Id = "old-note", Text = "留言" });
        }
        _store = new LogStore(dir, "test.db", WidgetSchema.Create());
        var read = (await Widgets.GetAsync("old"))!;
        Assert.Equal((2L, 5m), (read.Version, read.Amount));
        Assert.Equal("留言", (await _store.Collection<Note>().GetAsync("old-note"))!.Text);
        Assert.False(await Widgets.ReplaceAsync(new Widget { Id = "old", Key = "old-key", Version = 1 }));
    }

    [Fact]
    public async Task Filters_combined_with_And_and_sorted_by_a_nullable_date_keep_nulls_first()
    {
        var at = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        await Widgets.InsertManyAsync([
            new Widget { Id = "d2", Key = "d2", Deadline = at.AddDays(2) },
            new Widget { Id = "dn", Key = "dn" },
            new Widget { Id = "d1", Key = "d1", Deadline = at.AddDays(1) },
        ]);
        Expression<Func<Widget, bool>> all = w => w.Key.StartsWith("d");
        var sorted = await Widgets.FindAsync(all.And(w => w.Amount == 0), w => w.Deadline!);
        Assert.Equal(["dn", "d1", "d2"], sorted.Select(w => w.Id));
        Assert.Equal(["d2", "d1", "dn"], (await Widgets.FindAsync(all, w => w.Deadline!, descending: true)).Select(w => w.Id));
    }

    public void Dispose()
    {
        _store.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class DocumentCopyTests
{
    private sealed class Nested
    {
        public List<WidgetPart> Parts { get; set; } = [];
        public Dictionary<string, WidgetPart> Named { get; set; } = [];
        public HashSet<string> Labels { get; set; } = [];
        public WidgetPart[] Slots { get; set; } = [];
    }

    [Fact]
    public void Lists_dictionaries_sets_and_arrays_of_objects_are_copied_deeply_keeping_their_comparers()
    {
        var original = new Nested
        {
            Parts = [new WidgetPart { Label = "甲", Count = 1 }],
            Named = new() { ["乙"] = new WidgetPart { Count = 2 } },
            Labels = new(StringComparer.OrdinalIgnoreCase) { "Ab" },
            Slots = [new WidgetPart { Count = 3 }],
        };
        var copy = DocumentCopy.Of(original);
        Assert.Equivalent(original, copy, strict: true);
        (copy.Parts[0].Count, copy.Named["乙"].Count, copy.Slots[0].Count) = (9, 9, 9);
        copy.Labels.Add("cd");
        Assert.Equal((1, 2, 3), (original.Parts[0].Count, original.Named["乙"].Count, original.Slots[0].Count));
        Assert.Single(original.Labels);
        Assert.True(copy.Labels.Contains("AB"), "the copy keeps the set's case-insensitive comparer");
    }

    [Fact]
    public void A_copy_is_equal_in_every_field_and_shares_nothing_that_can_change()
    {
        var original = new Widget
        {
            Id = "w", Key = "k", Remark = "备注", Amount = 1.5m, At = DateTime.UtcNow, Deadline = DateTime.UtcNow, State = WidgetState.Active,
            Tags = ["a", "b"], Scores = new() { ["质量"] = 5 }, Part = new WidgetPart { Label = "部件", Count = 2 },
        };
        var copy = DocumentCopy.Of(original);
        Assert.Equivalent(original, copy, strict: true);

        copy.Tags.Add("c");
        copy.Scores["态度"] = 4;
        copy.Part.Count = 3;
        Assert.Equal(["a", "b"], original.Tags);
        Assert.Single(original.Scores);
        Assert.Equal(2, original.Part.Count);
    }
}

public sealed class LogQueryTests
{
    private static (LogQuery<Widget>.Compiled<bool>, object?[]) Filter(string key, long after) =>
        LogQuery<Widget>.Prepare<bool>(w => w.Key == key && w.Version > after);

    [Fact]
    public void The_same_filter_with_other_captured_values_reuses_one_compiled_delegate()
    {
        var (first, firstValues) = Filter("a", 1);
        var (second, secondValues) = Filter("b", 2);
        Assert.Same(first, second);
        Assert.Equal(["a", 1L], firstValues);
        Assert.Equal(["b", 2L], secondValues);
        Assert.Equal([("Key", 0)], first.Equalities);
    }
}
