using System.Linq.Expressions;
using Assistant.Platform.Storage;

namespace Assistant.Platform.Tests.Storage;

/// <summary>
/// The storage behaviour the app relies on, run against every engine: LiteDB always, MongoDB when
/// ASSISTANT_MONGO_URL is set (reported as skipped otherwise).
/// </summary>
public abstract class StoreContract
{
    protected abstract IDocumentStore Store { get; }

    private IDocumentCollection<Widget> Widgets => Store.Collection<Widget>();

    private static readonly DateTime Noon = new(2026, 3, 1, 12, 30, 15, 123, DateTimeKind.Utc);

    private static Widget NewWidget(string? key = null, decimal amount = 1m, WidgetState state = WidgetState.New, params string[] tags) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Key = key ?? Guid.NewGuid().ToString("N"),
        Name = "居家养老服务",
        Amount = amount,
        At = Noon,
        State = state,
        Tags = [.. tags],
    };

    public virtual async Task Round_trip_keeps_money_dates_enums_lists_and_nested_values()
    {
        var widget = NewWidget(amount: 1234567.89m, state: WidgetState.Active, tags: ["养老", "助餐"]);
        widget.Scores["服务态度"] = 5;
        widget.Part = new WidgetPart { Label = "上虞区", Count = 3 };
        widget.Deadline = Noon.AddDays(3);
        await Widgets.InsertAsync(widget);

        var read = (await Widgets.GetAsync(widget.Id))!;
        Assert.Equal(1, read.Version);
        Assert.Equal(1234567.89m, read.Amount);
        Assert.Equal(Noon, read.At);
        Assert.Equal(DateTimeKind.Utc, read.At.Kind);
        Assert.Equal(Noon.AddDays(3), read.Deadline);
        Assert.Equal(WidgetState.Active, read.State);
        Assert.Equal(["养老", "助餐"], read.Tags);
        Assert.Equal(5, read.Scores["服务态度"]);
        Assert.Equal("上虞区", read.Part.Label);
        Assert.Equal("居家养老服务", read.Name);
    }

    public virtual async Task A_second_insert_with_the_same_id_is_refused()
    {
        var widget = NewWidget();
        await Widgets.InsertAsync(widget);
        var twin = NewWidget();
        var clash = new Widget { Id = widget.Id, Key = twin.Key };
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Widgets.InsertAsync(clash));
    }

    public virtual async Task A_unique_index_refuses_a_duplicate_value()
    {
        var key = "CODE-" + Guid.NewGuid().ToString("N");
        await Widgets.InsertAsync(NewWidget(key));
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Widgets.InsertAsync(NewWidget(key)));
        Assert.Equal(1, await Widgets.CountAsync(w => w.Key == key));
    }

    public virtual async Task Replace_succeeds_only_from_the_current_version()
    {
        var widget = NewWidget();
        await Widgets.InsertAsync(widget);
        var first = (await Widgets.GetAsync(widget.Id))!;
        var second = (await Widgets.GetAsync(widget.Id))!;

        first.Name = "first";
        Assert.True(await Widgets.ReplaceAsync(first));
        Assert.Equal(2, first.Version);

        second.Name = "stale";
        Assert.False(await Widgets.ReplaceAsync(second));
        Assert.Equal(1, second.Version);
        Assert.Equal("first", (await Widgets.GetAsync(widget.Id))!.Name);
    }

    public virtual async Task Concurrent_replaces_from_one_version_let_exactly_one_win()
    {
        var widget = NewWidget();
        await Widgets.InsertAsync(widget);
        var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Widgets.GetAsync(widget.Id)));
        var results = await Task.WhenAll(copies.Select((c, i) =>
        {
            c!.Part.Count = i;
            return Task.Run(() => Widgets.ReplaceAsync(c));
        }));
        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await Widgets.GetAsync(widget.Id))!.Version);
    }

    public virtual async Task Concurrent_inserts_fail_only_the_ones_that_clash()
    {
        var shared = "SHARED-" + Guid.NewGuid().ToString("N");
        var widgets = Enumerable.Range(0, 60).Select(i => NewWidget(i % 10 == 0 ? shared : null)).ToList();
        var outcomes = await Task.WhenAll(widgets.Select(w => Task.Run(async () =>
        {
            try { await Widgets.InsertAsync(w); return true; }
            catch (DuplicateKeyException) { return false; }
        })));
        Assert.Equal(55, outcomes.Count(o => o));
        Assert.Equal(1, await Widgets.CountAsync(w => w.Key == shared));
        foreach (var (widget, ok) in widgets.Zip(outcomes))
            Assert.Equal(ok, await Widgets.GetAsync(widget.Id) is not null);
    }

    public virtual async Task Replacing_a_missing_document_reports_false()
    {
        Assert.False(await Widgets.ReplaceAsync(NewWidget()));
    }

    public virtual async Task Queries_filter_sort_and_page_like_the_features_do()
    {
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        var batch = Enumerable.Range(1, 12).Select(i => NewWidget(amount: i * 10_000m, state: i % 3 == 0 ? WidgetState.Retired : WidgetState.Active, tags: [tag])).ToList();
        batch[0].Name = "上虞区老年助餐服务";
        await Widgets.InsertManyAsync(batch);

        Expression<Func<Widget, bool>> mine = w => Enumerable.Contains(w.Tags, tag);
        var active = mine.And(w => w.State != WidgetState.Retired);
        Assert.Equal(8, await Widgets.CountAsync(active));

        var page1 = await Widgets.FindAsync(active, w => w.Amount, descending: true, skip: 0, take: 5);
        var page2 = await Widgets.FindAsync(active, w => w.Amount, descending: true, skip: 5, take: 5);
        Assert.Equal([110_000m, 100_000m, 80_000m, 70_000m, 50_000m], page1.Select(w => w.Amount));
        Assert.Equal([40_000m, 20_000m, 10_000m], page2.Select(w => w.Amount));

        var page = await Widgets.PageAsync(active, w => w.Amount, 0, 3);
        Assert.Equal(8, page.Total);
        Assert.Equal(3, page.Items.Count);

        Assert.Single(await Widgets.FindAsync(mine.And(w => w.Name.Contains("助餐"))));
        Assert.Equal(3, await Widgets.CountAsync(mine.And(w => w.Amount >= 100_000m)));
        Assert.Equal(12, await Widgets.CountAsync(mine.And(w => w.At <= Noon)));
        Assert.Equal(0, await Widgets.CountAsync(mine.And(w => w.Deadline != null)));
    }

    public virtual async Task A_document_and_its_companion_are_stored_together_and_a_clash_stores_neither()
    {
        var widget = NewWidget();
        await Widgets.InsertWithAsync(widget, new Note { Id = "note-" + widget.Id, Text = "created" });
        Assert.Equal(1, (await Widgets.GetAsync(widget.Id))!.Version);
        Assert.Equal("created", (await Store.Collection<Note>().GetAsync("note-" + widget.Id))!.Text);

        var clash = NewWidget(key: widget.Key);
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Widgets.InsertWithAsync(clash, new Note { Id = "note-" + clash.Id }));
        Assert.Null(await Widgets.GetAsync(clash.Id));
        Assert.Null(await Store.Collection<Note>().GetAsync("note-" + clash.Id));
    }

    public virtual async Task A_replace_with_a_companion_stores_it_only_when_the_replace_wins()
    {
        var widget = NewWidget();
        await Widgets.InsertAsync(widget);
        var stale = (await Widgets.GetAsync(widget.Id))!;

        widget.Amount = 2m;
        Assert.True(await Widgets.ReplaceWithAsync(widget, new Note { Id = "won-" + widget.Id, Text = "replaced" }));
        stale.Amount = 3m;
        Assert.False(await Widgets.ReplaceWithAsync(stale, new Note { Id = "lost-" + widget.Id }));

        Assert.Equal(2m, (await Widgets.GetAsync(widget.Id))!.Amount);
        Assert.Equal("replaced", (await Store.Collection<Note>().GetAsync("won-" + widget.Id))!.Text);
        Assert.Null(await Store.Collection<Note>().GetAsync("lost-" + widget.Id));
    }

    public virtual async Task Upsert_creates_then_overwrites_and_delete_removes()
    {
        var widget = NewWidget();
        await Widgets.UpsertAsync(widget);
        widget.Name = "changed";
        await Widgets.UpsertAsync(widget);
        var read = (await Widgets.GetAsync(widget.Id))!;
        Assert.Equal("changed", read.Name);
        Assert.Equal(2, read.Version);
        Assert.True(await Widgets.DeleteAsync(widget.Id));
        Assert.Null(await Widgets.GetAsync(widget.Id));
        Assert.False(await Widgets.DeleteAsync(widget.Id));
    }

    public virtual async Task The_store_is_ready_once_its_indexes_are_in_place()
    {
        Assert.True(await Store.IsReadyAsync());
    }
}
