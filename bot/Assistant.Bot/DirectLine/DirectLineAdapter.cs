using Assistant.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.DirectLine;

/// <summary>
/// The adapter for the local Direct Line channel: turns run in-process and the bot's replies are appended to the
/// conversation's activity list (where polling or the stream picks them up), so no Azure or serviceUrl is involved.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    public const string ChannelId = "directline";
    public static readonly ChannelAccount Bot = new("assistant-bot", "政府购买服务助手", RoleTypes.Bot);

    private readonly DirectLineConversations _conversations;

    public DirectLineAdapter(DirectLineConversations conversations, TurnErrorHandler errors)
    {
        _conversations = conversations;
        OnTurnError = errors.HandleAsync;
    }

    public async Task ProcessAsync(Activity activity, IBot bot, CancellationToken ct)
    {
        using var turn = new TurnContext(this, activity);
        await RunPipelineAsync(turn, bot.OnTurnAsync, ct);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypes.Delay)
            {
                await Task.Delay(activity.Value is int ms ? Math.Min(ms, 5000) : 1000, cancellationToken);
                responses.Add(new ResourceResponse());
                continue;
            }
            if (activity.Type == ActivityTypes.Trace) { responses.Add(new ResourceResponse()); continue; }
            activity.ChannelId = ChannelId;
            activity.From = Bot;
            activity.Recipient ??= turnContext.Activity.From;
            activity.Conversation ??= turnContext.Activity.Conversation;
            activity.Timestamp = null;
            var id = await _conversations.AppendAsync(activity.Conversation.Id, activity, cancellationToken);
            responses.Add(new ResourceResponse(id));
        }
        return [.. responses];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line does not support updating activities.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line does not support deleting activities.");

    /// <summary>Proactive messages (reminders) into a Direct Line conversation.</summary>
    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var turn = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(turn, callback, cancellationToken);
    }
}
