using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Dialogs;

/// <summary>Activity shapes the flows send, kept in one place so the SDK types stay out of the flows' logic.</summary>
public static class Replies
{
    public static IActivity Text(string text, IReadOnlyCollection<string> actions)
    {
        if (actions.Count == 0) return MessageFactory.Text(text, text);
        // All arguments given: the shorter overloads are ambiguous (CS0121) in 4.23.
        return MessageFactory.SuggestedActions(actions, text, text, InputHints.ExpectingInput);
    }

    /// <summary>A compact list of cards, each opening a page.</summary>
    public static IActivity Cards(string text, IEnumerable<(string Title, string Subtitle, string Url)> items)
    {
        var attachments = items.Select(i => new HeroCard
        {
            Title = i.Title,
            Subtitle = i.Subtitle,
            Buttons = [new CardAction(ActionTypes.OpenUrl, "查看详情", value: i.Url)],
        }.ToAttachment()).ToList();
        var activity = MessageFactory.Carousel(attachments, text);
        activity.AttachmentLayout = AttachmentLayoutTypes.List;
        return activity;
    }
}
