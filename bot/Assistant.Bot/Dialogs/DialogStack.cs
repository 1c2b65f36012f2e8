using Assistant.Bot.State;
using Assistant.Bot.Understanding;
using Microsoft.Bot.Builder;

namespace Assistant.Bot.Dialogs;

/// <summary>
/// Runs one turn against the flow stack: cancel, help and "我不想…" work the same everywhere; a prompt's answer goes to
/// the waiting flow; an offer or a clarifying choice the user moved on from is dropped and the new request handled; a
/// different question asked in the middle of a form is answered on top of it and then the form resumes; input nobody
/// understands gets "please rephrase" once, then a polite give-up with suggestions.
/// </summary>
public sealed class DialogStack(IEnumerable<IFlow> flows)
{
    public const int MaxRetries = 3;
    public const double StartThreshold = 0.5;
    public const double InterruptThreshold = 0.75;

    private static readonly HashSet<string> Interrupting =
        [Intents.PolicyQuestion, Intents.ProjectSearch, Intents.ProjectStatus, Intents.AccountLink, Intents.ReminderSet];

    private readonly Dictionary<string, IFlow> _flows = flows.ToDictionary(f => f.Intent);

    public IFlow? For(string intent) => _flows.GetValueOrDefault(intent);

    public async Task RunAsync(ITurnContext turn, ConversationData conversation, UserProfile user, Understood input, DateOnly today, CancellationToken ct)
    {
        var active = conversation.Active;
        // Inside a prompt only a clear "cancel" ends the flow: a vague answer is more likely a poor answer than a wish to quit.
        if (input.Is(Intents.Cancel, active?.Step is null ? StartThreshold : InterruptThreshold))
        {
            conversation.Stack.Clear();
            await turn.SendActivityAsync(Replies.Text(active is null ? "当前没有进行中的事项。还有什么可以帮您？" : "好的，已取消，没有做任何修改。还有什么可以帮您？", Menu), ct);
            return;
        }
        if (input.Is(Intents.Decline, InterruptThreshold))
        {
            await Declines.AnswerAsync(turn, conversation, input.Declined, ct);
            return;
        }
        if (input.Is(Intents.Help))
        {
            var help = active is null ? null : For(active.Flow)?.Help;
            if (help is null || active?.Prompt is null) await StartAsync(Intents.Help, turn, conversation, user, input, today, ct);
            else await turn.SendActivityAsync(Replies.Text($"{help}\n\n{active.Prompt}（输入“取消”可随时退出）", active.PromptActions), ct);
            // A finished help flow left on the stack would be saved, and cleared by the next turn: two state writes for nothing.
            await PopFinishedAsync(turn, conversation, ct);
            return;
        }

        if (active?.Step is not null && For(active.Flow) is { } waiting)
        {
            var context = new FlowContext(turn, conversation, user, active, today);
            var answer = await waiting.ContinueAsync(context, input, ct);
            if (context.HandedOverTo is { } next)
            {
                conversation.Stack.Remove(active);
                await StartAsync(next, turn, conversation, user, context.HandedOverInput ?? input, today, ct);
            }
            else if (!answer.IsAccepted)
            {
                if (answer.MayInterrupt && active.Optional)
                {
                    // An offer or a clarifying choice the user moved on from ("本月有哪些项目待评价" after "您指的是哪一个？",
                    // "SY-2026-001我们想投标" after "想知道原因吗？"): the new request is handled as if it had come first.
                    conversation.Stack.Remove(active);
                    await RunAsync(turn, conversation, user, input, today, ct);
                    return;
                }
                if (answer.MayInterrupt && Interrupting.Contains(input.Intent) && input.Confidence >= InterruptThreshold && input.Intent != active.Flow)
                {
                    await StartAsync(input.Intent, turn, conversation, user, input, today, ct);
                }
                else if (++active.Retries >= MaxRetries)
                {
                    conversation.Stack.Remove(active);
                    await turn.SendActivityAsync(Replies.Text($"{answer.Reason}\n看来这一步不太顺利，我们先到这里，您可以随时重新开始，或者联系工作人员。", Menu), ct);
                }
                else
                {
                    await turn.SendActivityAsync(Replies.Text($"{answer.Reason}\n{active.Prompt}", active.PromptActions), ct);
                }
            }
        }
        else if (input.Confidence >= StartThreshold && _flows.ContainsKey(input.Intent))
        {
            conversation.Stack.Clear();
            await StartAsync(input.Intent, turn, conversation, user, input, today, ct);
        }
        else if (input.Is(Intents.OutOfScope))
        {
            await turn.SendActivityAsync(Replies.Text(
                "抱歉，这超出了我能帮忙的范围。我可以解答政府购买服务的政策问题、查询项目，以及办理承接主体登记、投标和服务评价。", Menu), ct);
            return;
        }
        else
        {
            await FallbackAsync(turn, conversation, ct);
            return;
        }
        conversation.Misunderstood = 0;
        await PopFinishedAsync(turn, conversation, ct);
    }

    public async Task StartAsync(string intent, ITurnContext turn, ConversationData conversation, UserProfile user, Understood input, DateOnly today, CancellationToken ct)
    {
        var frame = new FlowFrame { Flow = intent };
        conversation.Stack.Add(frame);
        await _flows[intent].StartAsync(new FlowContext(turn, conversation, user, frame, today), input, ct);
        if (frame.Step is null) frame.Done = true;
    }

    private static async Task PopFinishedAsync(ITurnContext turn, ConversationData conversation, CancellationToken ct)
    {
        var popped = conversation.Stack.RemoveAll(f => f.Done) > 0;
        if (popped && conversation.Active is { Prompt: not null } resumed)
            await turn.SendActivityAsync(Replies.Text($"我们继续刚才的事：{resumed.Prompt}", resumed.PromptActions), ct);
    }

    private static async Task FallbackAsync(ITurnContext turn, ConversationData conversation, CancellationToken ct)
    {
        conversation.Misunderstood++;
        if (conversation.Misunderstood == 1)
        {
            await turn.SendActivityAsync(Replies.Text("抱歉，我没太明白您的意思，能换个说法再说一次吗？", Menu), ct);
            return;
        }
        conversation.Misunderstood = 0;
        await turn.SendActivityAsync(Replies.Text(
            "抱歉，我还是没能理解。您可以试试下面这些问题，或者联系购买主体（如民政局）的工作人员咨询。", Menu), ct);
    }

    public static readonly string[] Menu = ["上虞区有哪些养老项目", "谁可以承接政府购买服务？", "查一下SY-2025-001项目的状态", "帮助"];
}
