using Assistant.Bot.State;
using Assistant.Bot.Tests.Infrastructure;
using Assistant.Platform.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Tests.State;

/// <summary>The IStorage contract (as MemoryStorage behaves) on state records in documents (MongoDB's path, run here on LiteDB).</summary>
public sealed class BotStateStorageOnDocumentsTests() : BotStateStorageTests((_, store) => new DocumentStateRecords(store, TimeProvider.System));

/// <summary>The IStorage contract on the embedded deployment's state log.</summary>
public sealed class BotStateStorageOnLogTests() : BotStateStorageTests(TestStateRecords.OpenLog);

public abstract class BotStateStorageTests : IDisposable
{
    private readonly string _dir = TempDir.Create();
    private readonly LogStore _store;
    private readonly IStateRecords _records;
    private readonly BotStateStorage _storage;

    protected BotStateStorageTests(Func<string, LogStore, IStateRecords> records)
    {
        _store = TestStateRecords.OpenStore(_dir);
        _records = records(_dir, _store);
        _storage = new BotStateStorage(_records);
    }

    public void Dispose()
    {
        (_records as IDisposable)?.Dispose();
        _store.Dispose();
        TempDir.Delete(_dir);
    }

    public sealed class Note : IStoreItem
    {
        public string Text { get; set; } = "";
        public string? ETag { get; set; }
    }

    private async Task<Note> ReadNoteAsync(string key) => (Note)(await _storage.ReadAsync([key]))[key];

    [Fact]
    public async Task Written_items_read_back_with_their_type_and_an_etag()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["a"] = new Note { Text = "一" }, ["b"] = new Dictionary<string, object> { ["x"] = 1L } });
        var read = await _storage.ReadAsync(["a", "b", "missing"]);
        Assert.Equal(2, read.Count);
        Assert.Equal("一", ((Note)read["a"]).Text);
        Assert.False(string.IsNullOrEmpty(((Note)read["a"]).ETag));
        Assert.Equal(1L, ((IDictionary<string, object>)read["b"])["x"]);
    }

    [Fact]
    public async Task State_stored_with_type_names_everywhere_by_earlier_versions_still_reads()
    {
        var legacy = Newtonsoft.Json.JsonConvert.SerializeObject(
            new Dictionary<string, object> { ["ConversationData"] = new ConversationData { Misunderstood = 1, Stack = [new FlowFrame { Flow = "help", Slots = { ["a"] = "b" } }] } },
            new Newtonsoft.Json.JsonSerializerSettings { TypeNameHandling = Newtonsoft.Json.TypeNameHandling.All });
        Assert.Contains("System.Collections.Generic.List", legacy);
        await _records.WriteAsync("legacy", legacy, expectedVersion: null, CancellationToken.None);

        var state = (IDictionary<string, object>)(await _storage.ReadAsync(["legacy"]))["legacy"];
        var conversation = Assert.IsType<ConversationData>(state["ConversationData"]);
        Assert.Equal("b", Assert.Single(conversation.Stack).Slots["a"]);
    }

    [Fact]
    public async Task A_stale_etag_is_a_conflict_and_the_newer_value_survives()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = await ReadNoteAsync("k");
        var second = await ReadNoteAsync("k");

        first.Text = "v2";
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        second.Text = "lost update";
        await Assert.ThrowsAsync<ArgumentException>(() => _storage.WriteAsync(new Dictionary<string, object> { ["k"] = second }));

        Assert.Equal("v2", (await ReadNoteAsync("k")).Text);
    }

    [Fact]
    public async Task Star_and_missing_etags_write_unconditionally()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = "*" } });
        Assert.Equal("v2", (await ReadNoteAsync("k")).Text);
        await _storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v3" } });
        Assert.Equal("v3", (await ReadNoteAsync("k")).Text);
    }

    [Fact]
    public async Task An_etag_on_a_new_key_creates_it_and_delete_removes_it()
    {
        await _storage.WriteAsync(new Dictionary<string, object> { ["new"] = new Note { Text = "x", ETag = "7" } });
        Assert.Equal("x", (await ReadNoteAsync("new")).Text);
        await _storage.DeleteAsync(["new"]);
        Assert.Empty(await _storage.ReadAsync(["new"]));
    }

    [Fact]
    public async Task Two_turns_of_one_conversation_on_two_instances_cannot_overwrite_each_other()
    {
        var state = new ConversationState(_storage);
        var accessor = state.CreateProperty<ConversationData>(nameof(ConversationData));
        var adapter = new TestAdapter(TestAdapter.CreateConversation("race"));
        ITurnContext Turn() => new TurnContext(adapter, MessageFactory.Text("hi").ApplyConversation(adapter.Conversation));

        var one = Turn();
        var two = Turn();
        (await accessor.GetAsync(one, () => new ConversationData())).Misunderstood = 1;
        await state.SaveChangesAsync(one);
        (await accessor.GetAsync(two, () => new ConversationData())).Misunderstood = 2;
        await state.SaveChangesAsync(two); // nothing was stored when "two" loaded: unconditional, like MemoryStorage

        var three = Turn();
        var four = Turn();
        (await accessor.GetAsync(three, () => new ConversationData())).Misunderstood = 3;
        (await accessor.GetAsync(four, () => new ConversationData())).Misunderstood = 4;
        await state.SaveChangesAsync(three);
        await Assert.ThrowsAsync<ArgumentException>(() => state.SaveChangesAsync(four));

        var check = Turn();
        Assert.Equal(3, (await accessor.GetAsync(check, () => new ConversationData())).Misunderstood);
    }
}

internal static class ActivityExtensions
{
    public static Activity ApplyConversation(this IMessageActivity activity, ConversationReference reference) =>
        (Activity)((Activity)activity).ApplyConversationReference(reference, isIncoming: true);
}
