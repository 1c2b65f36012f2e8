using Assistant.Bot.Understanding;

namespace Assistant.Bot.Dialogs;

/// <summary>
/// One conversation flow (one intent). Slots and the awaited prompt live in the flow's <see cref="State.FlowFrame"/>,
/// so a flow instance is stateless and shared; the next turn may even run on another bot instance.
/// </summary>
public interface IFlow
{
    /// <summary>The intent that starts this flow.</summary>
    string Intent { get; }

    /// <summary>What "帮助" says while this flow is waiting for an answer.</summary>
    string Help { get; }

    Task StartAsync(FlowContext context, Understood input, CancellationToken ct);

    /// <summary>The answer to the prompt in <c>context.Frame.Step</c>. Return <see cref="Answer.Rejected"/> to have it asked again.</summary>
    Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct);
}

/// <summary>
/// Whether a flow accepted the user's answer to its prompt; a rejection carries the reason to show.
/// <see cref="MayInterrupt"/>: the input did not look like an answer at all, so if it is another question the stack
/// answers that first; an <see cref="Invalid"/> answer (a project code that is closed) is just asked again.
/// </summary>
public sealed record Answer(bool IsAccepted, string? Reason, bool MayInterrupt)
{
    public static readonly Answer Accepted = new(true, null, false);

    public static Answer Rejected(string reason) => new(false, reason, true);

    public static Answer Invalid(string reason) => new(false, reason, false);
}
