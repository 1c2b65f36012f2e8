using Assistant.Bot.State;
using Assistant.Bot.Understanding;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Dialogs;

/// <summary>What a flow sees during one turn: its own frame, the user, and ways to reply, prompt and finish.</summary>
public sealed class FlowContext(ITurnContext turn, ConversationData conversation, UserProfile user, FlowFrame frame, DateOnly today)
{
    public ITurnContext Turn { get; } = turn;
    public ConversationData Conversation { get; } = conversation;
    public UserProfile User { get; } = user;
    public FlowFrame Frame { get; } = frame;
    public DateOnly Today { get; } = today;

    public Task SayAsync(string text, CancellationToken ct, params string[] actions) =>
        Turn.SendActivityAsync(Replies.Text(text, actions), ct);

    public Task SendAsync(IActivity activity, CancellationToken ct) => Turn.SendActivityAsync(activity, ct);

    /// <summary>Asks for one slot and waits; the next turn goes to the flow's ContinueAsync.</summary>
    public Task PromptAsync(string step, string text, CancellationToken ct, params string[] actions)
    {
        Frame.Step = step;
        Frame.Prompt = text;
        Frame.PromptActions = [.. actions];
        Frame.Retries = 0;
        Frame.Optional = false;
        return SayAsync(text, ct, actions);
    }

    /// <summary>
    /// Like <see cref="PromptAsync"/> for an offer ("想知道原因吗？") or a clarifying choice ("您指的是哪一个？"): an
    /// input that is no answer to it ends the flow and is handled as a new request, instead of the question being asked
    /// again until the user gives up.
    /// </summary>
    public async Task OfferAsync(string step, string text, CancellationToken ct, params string[] actions)
    {
        await PromptAsync(step, text, ct, actions);
        Frame.Optional = true;
    }

    /// <summary>
    /// Waits for an optional answer to something just shown ("回复序号可查看进展" under a list) without sending a prompt
    /// of its own; anything that is no answer is handled as a new request, as after an offer.
    /// </summary>
    public void AwaitOptional(string step, string prompt)
    {
        Frame.Step = step;
        Frame.Prompt = prompt;
        Frame.PromptActions = [];
        Frame.Retries = 0;
        Frame.Optional = true;
    }

    /// <summary>Asks a yes/no question before an action that changes something.</summary>
    public Task ConfirmAsync(string text, CancellationToken ct) => PromptAsync(Steps.Confirm, text, ct, "确认", "取消");

    public void End()
    {
        Frame.Step = null;
        Frame.Done = true;
    }

    /// <summary>The flow another one handed the conversation to this turn (see <see cref="HandOver"/>); not stored.</summary>
    public string? HandedOverTo { get; private set; }

    /// <summary>What the next flow starts from, when the handing flow resolved it ("第二个" → the project's code).</summary>
    public Understood? HandedOverInput { get; private set; }

    /// <summary>Ends this flow and starts <paramref name="intent"/>'s in the same turn ("还没有登记" → registration).</summary>
    public void HandOver(string intent, Understood? input = null)
    {
        End();
        HandedOverTo = intent;
        HandedOverInput = input;
    }

    public void Set(string slot, string? value)
    {
        if (value is null) Frame.Slots.Remove(slot);
        else Frame.Slots[slot] = value;
    }
}

public static class Steps
{
    public const string Confirm = "confirm";
}
