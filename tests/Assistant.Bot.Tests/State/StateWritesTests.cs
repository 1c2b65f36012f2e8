using Assistant.Bot.State;
using Assistant.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;

namespace Assistant.Bot.Tests.State;

/// <summary>What a turn leaves in the conversation state: finished flows are gone, so a turn that changes nothing writes nothing.</summary>
[Collection(BotCollection.Name)]
public sealed class StateWritesTests(BotHostFixture host)
{
    [Fact]
    public async Task A_finished_help_flow_is_not_kept_and_turns_that_change_nothing_do_not_rewrite_the_state()
    {
        var id = Guid.NewGuid().ToString("N");
        var reference = TestAdapter.CreateConversation(id, "user-" + id[..8]);
        TestFlow Turns() => new TestFlow(new TestAdapter(reference), host.CreateBot())
            .Send("帮助").Expect("任何时候输入“取消”")
            .Send("你好").Expect("我是政府购买服务助手");
        var records = host.Get<IStateRecords>();
        var key = $"{reference.ChannelId}/conversations/{id}";

        await Turns().StartTestAsync();
        var stored = await records.ReadAsync(key, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.DoesNotContain("\"help\"", stored.Value.Json);

        await Turns().StartTestAsync();
        Assert.Equal(stored.Value.Version, (await records.ReadAsync(key, CancellationToken.None))!.Value.Version);
    }
}
