using Assistant.Bot.DirectLine;
using Assistant.Bot.Hosting;
using Assistant.Bot.State;
using Assistant.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Tests.Hosting;

[Collection(BotCollection.Name)]
public sealed class TurnErrorTests(BotHostFixture host)
{
    /// <summary>A bot that fails in the middle of a turn after touching state (the fake is the failure, at the edge).</summary>
    private sealed class FailingBot(ConversationState state) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var data = await state.CreateProperty<ConversationData>(nameof(ConversationData)).GetAsync(turnContext, () => new ConversationData(), cancellationToken);
            data.Stack.Add(new FlowFrame { Flow = "org.register", Step = "code" });
            await state.SaveChangesAsync(turnContext, false, cancellationToken);
            throw new InvalidOperationException("boom");
        }
    }

    [Fact]
    public async Task An_unexpected_error_apologises_and_resets_the_conversation()
    {
        var conversations = host.Get<DirectLineConversations>();
        var conversation = await conversations.CreateAsync("error-user", CancellationToken.None);
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = "你好", ChannelId = DirectLineAdapter.ChannelId, Conversation = new ConversationAccount(id: conversation.Id),
            From = new ChannelAccount("error-user"), Recipient = DirectLineAdapter.Bot, ServiceUrl = "http://localhost",
        };
        var state = host.Get<ConversationState>();
        await host.Get<DirectLineAdapter>().ProcessAsync(activity, new FailingBot(state), CancellationToken.None);

        var (activities, _) = await conversations.ReadAsync(conversation.Id, 0, CancellationToken.None);
        Assert.Contains(activities, a => a.Contains(TurnErrorHandler.Apology));
        var stored = await host.Get<IStorage>().ReadAsync([$"{DirectLineAdapter.ChannelId}/conversations/{conversation.Id}"]);
        Assert.Empty(stored);
    }
}
