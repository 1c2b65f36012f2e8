using System.Globalization;
using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Flows;
using Assistant.Bot.State;
using Assistant.Bot.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Assistant.Bot;

/// <summary>
/// The bot: loads conversation and user state once per turn, runs the flow stack, saves once. When the API cannot be
/// reached the turn's state changes are undone (the user can simply try again) and the user is told to retry later.
/// </summary>
public sealed class AssistantBot(
    ConversationState conversationState, UserState userState, IUnderstanding understanding, DialogStack dialogs,
    OutcomeNotices notices, TimeProvider clock, ILogger<AssistantBot> logger) : ActivityHandler
{
    private readonly IStatePropertyAccessor<ConversationData> _conversation = conversationState.CreateProperty<ConversationData>(nameof(ConversationData));
    private readonly IStatePropertyAccessor<UserProfile> _user = userState.CreateProperty<UserProfile>(nameof(UserProfile));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // The SDK sets CurrentCulture to a new CultureInfo(activity.Locale) every turn, whose number and collation data
        // ICU then builds again on first use: about a quarter of the bot's CPU under load (perf). The shared read-only
        // instance of the same culture has them built once.
        if (!CultureInfo.CurrentCulture.IsReadOnly) CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(CultureInfo.CurrentCulture.Name);
        if (!CultureInfo.CurrentUICulture.IsReadOnly) CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(CultureInfo.CurrentUICulture.Name);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.All(m => m.Id == turnContext.Activity.Recipient?.Id)) return;
        var conversation = await _conversation.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        if (conversation.Welcomed) return;
        conversation.Welcomed = true;
        await turnContext.SendActivityAsync(GreetingFlow.Welcome(), cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text("目前我只能看懂文字消息，请用文字描述您的问题。"), cancellationToken);
            return;
        }
        if (text.Length > 500) text = text[..500];

        var conversation = await _conversation.GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        var user = await _user.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
        var today = ChinaTime.Today(clock);
        var input = understanding.Understand(text, today);
        using var acting = ActingUser.Begin(user.Username);
        try
        {
            await notices.TellAsync(turnContext, user, cancellationToken);
            await dialogs.RunAsync(turnContext, conversation, user, input, today, cancellationToken);
        }
        catch (Exception e) when (ApiFailure.IsUnavailable(e, cancellationToken))
        {
            logger.LogWarning(e, "API unavailable during turn in conversation {Conversation}", turnContext.Activity.Conversation?.Id);
            // Undo the turn's changes by reading the state back as the last turn stored it (no copy taken on every turn).
            await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
            await userState.LoadAsync(turnContext, force: true, cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text(ApiFailure.TryLaterMessage), cancellationToken);
        }
        catch (Exception e) when (ApiFailure.IsUnauthorized(e) && user.IsLinked)
        {
            // The linked account was removed or the link revoked: forget it rather than fail on every turn.
            logger.LogWarning(e, "API refused acting user {User}; unlinking", user.Username);
            conversation.Stack.Clear();
            await _user.SetAsync(turnContext, new UserProfile(), cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text("您绑定的账号已失效，已解除绑定。请在网页登录后重新生成绑定码，输入“绑定 123456”。"), cancellationToken);
        }
    }
}
