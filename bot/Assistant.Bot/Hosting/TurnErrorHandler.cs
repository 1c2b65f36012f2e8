using Microsoft.Bot.Builder;

namespace Assistant.Bot.Hosting;

/// <summary>
/// Shared OnTurnError for every adapter (Bot Framework and Direct Line): log, apologise, and reset the conversation
/// so a broken flow cannot trap the user in the same error.
/// </summary>
public sealed class TurnErrorHandler(ConversationState conversationState, ILogger<TurnErrorHandler> logger)
{
    public const string Apology = "抱歉，处理您的消息时出了点问题，当前对话已重置。请再说一次您的问题。";

    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        logger.LogError(exception, "Unhandled error in turn {ActivityType} of conversation {Conversation}",
            turnContext.Activity.Type, turnContext.Activity.Conversation?.Id);
        try
        {
            await turnContext.SendActivityAsync(Apology);
            await conversationState.DeleteAsync(turnContext);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not apologise or reset the conversation after an error");
        }
    }
}
