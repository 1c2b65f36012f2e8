using Assistant.Bot.State;
using Assistant.Bot.Tests.Infrastructure;
using Assistant.Platform.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace Assistant.Bot.Tests.State;

/// <summary>The state scopes' change check: written when the state changed, left alone when it did not, conflicts kept.</summary>
public sealed class StoredStateTests : IDisposable
{
    private readonly string _dir = TempDir.Create();
    private readonly LogStore _store;
    private readonly LogStateRecords _records;
    private readonly StoredConversationState _state;
    private readonly IStatePropertyAccessor<ConversationData> _data;
    private readonly TestAdapter _adapter = new(TestAdapter.CreateConversation("stored-state"));

    public StoredStateTests()
    {
        _store = TestStateRecords.OpenStore(_dir);
        _records = TestStateRecords.OpenLog(_dir, _store);
        _state = new StoredConversationState(new BotStateStorage(_records));
        _data = _state.CreateProperty<ConversationData>(nameof(ConversationData));
    }

    public void Dispose()
    {
        _records.Dispose();
        _store.Dispose();
        TempDir.Delete(_dir);
    }

    private ITurnContext Turn() => new TurnContext(_adapter, MessageFactory.Text("hi").ApplyConversation(_adapter.Conversation));

    private string Key => $"{_adapter.Conversation.ChannelId}/conversations/{_adapter.Conversation.Conversation.Id}";

    private async Task<long?> StoredVersionAsync() => (await _records.ReadAsync(Key, CancellationToken.None))?.Version;

    private async Task<ConversationData> DataAsync(ITurnContext turn) => await _data.GetAsync(turn, () => new ConversationData());

    [Fact]
    public async Task A_changed_state_is_written_and_a_turn_that_only_reads_it_writes_nothing()
    {
        var first = Turn();
        (await DataAsync(first)).Misunderstood = 1;
        await _state.SaveChangesAsync(first);
        Assert.Equal(1, await StoredVersionAsync());

        var reading = Turn();
        Assert.Equal(1, (await DataAsync(reading)).Misunderstood);
        await _state.SaveChangesAsync(reading);
        Assert.Equal(1, await StoredVersionAsync());

        var changing = Turn();
        (await DataAsync(changing)).Stack.Add(new FlowFrame { Flow = "org.register", Slots = { ["name"] = "夕阳红养老服务中心" } });
        await _state.SaveChangesAsync(changing);
        await _state.SaveChangesAsync(changing); // a second save in the same turn has nothing new to write
        Assert.Equal(2, await StoredVersionAsync());
        Assert.Equal("夕阳红养老服务中心", (await DataAsync(Turn())).Stack.Single().Slot("name"));
    }

    [Fact]
    public async Task A_conversation_nobody_wrote_to_is_not_stored()
    {
        var turn = Turn();
        await _state.LoadAsync(turn);
        await _state.SaveChangesAsync(turn);
        Assert.Null(await StoredVersionAsync());
    }

    [Fact]
    public async Task A_state_cleared_in_the_turn_is_written_even_when_it_ends_up_as_it_was()
    {
        var first = Turn();
        (await DataAsync(first)).Welcomed = true;
        await _state.SaveChangesAsync(first);

        var clearing = Turn();
        await DataAsync(clearing);
        await _state.ClearStateAsync(clearing);
        await _data.SetAsync(clearing, new ConversationData { Welcomed = true });
        await _state.SaveChangesAsync(clearing);
        Assert.Equal(2, await StoredVersionAsync());
    }

    [Fact]
    public async Task A_forced_load_undoes_the_turns_changes_and_then_nothing_is_written()
    {
        var first = Turn();
        (await DataAsync(first)).Misunderstood = 1;
        await _state.SaveChangesAsync(first);

        var failing = Turn();
        (await DataAsync(failing)).Misunderstood = 9;
        await _state.LoadAsync(failing, force: true);
        Assert.Equal(1, (await DataAsync(failing)).Misunderstood);
        await _state.SaveChangesAsync(failing);
        Assert.Equal(1, await StoredVersionAsync());
    }

    [Fact]
    public async Task Two_turns_that_loaded_the_same_version_cannot_both_save()
    {
        var seed = Turn();
        (await DataAsync(seed)).Misunderstood = 1;
        await _state.SaveChangesAsync(seed);

        var one = Turn();
        var two = Turn();
        (await DataAsync(one)).Misunderstood = 2;
        (await DataAsync(two)).Misunderstood = 3;
        await _state.SaveChangesAsync(one);
        await Assert.ThrowsAsync<ArgumentException>(() => _state.SaveChangesAsync(two));
        Assert.Equal(2, (await DataAsync(Turn())).Misunderstood);
    }

    [Fact]
    public async Task State_stored_without_type_names_still_loads()
    {
        await _records.WriteAsync(Key, """{"ConversationData":{"Misunderstood":2,"Welcomed":true}}""", expectedVersion: null, CancellationToken.None);
        var data = await DataAsync(Turn());
        Assert.Equal(2, data.Misunderstood);
        Assert.True(data.Welcomed);
    }

    [Fact]
    public async Task State_stored_by_earlier_versions_with_newtonsoft_type_names_loads_and_is_rewritten_on_its_next_change()
    {
        var legacy = new Dictionary<string, object>
        {
            [nameof(ConversationData)] = new ConversationData { Misunderstood = 1, Stack = { new FlowFrame { Flow = "org.register", Step = "name" } } },
        };
        await new BotStateStorage(_records).WriteAsync(new Dictionary<string, object> { [Key] = legacy });
        Assert.StartsWith("{\"$type\"", (await _records.ReadAsync(Key, CancellationToken.None))!.Value.Json);

        var turn = Turn();
        var data = await DataAsync(turn);
        Assert.Equal("name", data.Active!.Step);
        data.Misunderstood = 2;
        await _state.SaveChangesAsync(turn);

        var json = (await _records.ReadAsync(Key, CancellationToken.None))!.Value.Json;
        Assert.DoesNotContain("$type", json);
        Assert.Equal(2, (await DataAsync(Turn())).Misunderstood);
    }

    [Fact]
    public async Task A_stored_property_this_version_does_not_know_survives_a_save()
    {
        await _records.WriteAsync(Key, """{"ConversationData":{"Misunderstood":1},"LaterFeature":{"x":[1,2]}}""", expectedVersion: null, CancellationToken.None);
        var turn = Turn();
        (await DataAsync(turn)).Misunderstood = 2;
        await _state.SaveChangesAsync(turn);
        Assert.Contains("\"LaterFeature\":{\"x\":[1,2]}", (await _records.ReadAsync(Key, CancellationToken.None))!.Value.Json);
    }

    [Fact]
    public async Task A_state_property_of_an_undeclared_type_is_refused_with_the_fix_in_the_message()
    {
        var turn = Turn();
        await _state.CreateProperty<List<int>>("Numbers").SetAsync(turn, [1]);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _state.SaveChangesAsync(turn));
        Assert.Contains("BotStateJsonContext", refused.Message);
    }
}
