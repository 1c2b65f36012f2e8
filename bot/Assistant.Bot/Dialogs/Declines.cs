using Assistant.Bot.State;
using Assistant.Bot.Understanding;
using Microsoft.Bot.Builder;

namespace Assistant.Bot.Dialogs;

/// <summary>
/// "我不想投标", "我们不打算注册了": turning down the action in progress ends it as "取消" does; turning down anything
/// else is acknowledged and the flow waiting for an answer asks again. Nothing is ever started by a refusal.
/// </summary>
public static class Declines
{
    private static readonly Dictionary<string, string> Actions = new()
    {
        [Intents.OrgRegister] = "登记承接主体",
        [Intents.BidSubmit] = "投标",
        [Intents.RatingSubmit] = "评价",
        [Intents.AccountLink] = "绑定账号",
        [Intents.ReminderSet] = "设置提醒",
        [Intents.DeadlineExtend] = "延长截止时间",
        [Intents.ClarificationAsk] = "提澄清问题",
    };

    public static async Task AnswerAsync(ITurnContext turn, ConversationData conversation, string? declined, CancellationToken ct)
    {
        var active = conversation.Active;
        if (active is not null && (declined is null || declined == active.Flow))
        {
            conversation.Stack.Clear();
            await turn.SendActivityAsync(Replies.Text("好的，已取消，没有做任何修改。还有什么可以帮您？", DialogStack.Menu), ct);
            return;
        }
        var fine = declined is not null && Actions.TryGetValue(declined, out var action) ? $"好的，先不{action}。" : "好的。";
        if (active?.Prompt is not null)
            await turn.SendActivityAsync(Replies.Text($"{fine}我们继续刚才的事：{active.Prompt}", active.PromptActions), ct);
        else
            await turn.SendActivityAsync(Replies.Text($"{fine}还有什么可以帮您？", DialogStack.Menu), ct);
    }
}
