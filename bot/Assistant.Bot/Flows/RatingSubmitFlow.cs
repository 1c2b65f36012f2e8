using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;

namespace Assistant.Bot.Flows;

/// <summary>
/// Turns "今天的助餐服务不太好，饭菜凉了" into a rating (score, comment) after confirming it. Recording ratings from
/// chat is not available yet: the flow says nothing was recorded and points to the rating page (QR code).
/// </summary>
public sealed class RatingSubmitFlow(ProjectCards cards) : IFlow
{
    public string Intent => Intents.RatingSubmit;
    public string Help => "评价分五档：非常满意、满意、一般、不满意、非常不满意。也可以说说具体情况。";

    private static readonly string[] Levels = ["非常不满意", "不满意", "一般", "满意", "非常满意"];

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        context.Set("comment", input.Text);
        if (input.Score is { } score) return ConfirmAsync(context, score, ct);
        return context.PromptAsync("score", "请问您对这次服务满意吗？", ct, [.. Levels.Reverse()]);
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (context.Frame.Step == "score")
        {
            if (input.Score is not { } score) return Answer.Rejected("请选择一个满意程度。");
            await ConfirmAsync(context, score, ct);
            return Answer.Accepted;
        }
        if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交评价。", ct); return Answer.Accepted; }
        if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
        context.End();
        await context.SayAsync($"谢谢您的反馈。聊天里暂时还不能直接记录评价，本次没有提交；请扫描服务人员胸牌上的二维码，或在评价页面提交：{cards.Page("rating.html")}", ct);
        return Answer.Accepted;
    }

    private static Task ConfirmAsync(FlowContext context, int score, CancellationToken ct)
    {
        context.Set("score", score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var low = score <= 2 ? "不满意的评价会要求服务机构在规定的工作日内答复整改，会有工作人员回访。" : "";
        return context.ConfirmAsync($"我记下的是：{Levels[score - 1]}。{low}确认提交吗？", ct);
    }
}
