using System.Net;
using System.Text.RegularExpressions;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>
/// Turns "今天的助餐服务不太好，饭菜凉了" into a rating for the right contract: the rating link the recipient was given
/// (the QR code's address) says which service it is, the score comes from the words or a choice, and nothing is sent
/// before the user confirms. A retried confirmation reuses the same idempotency key, so it is never counted twice.
/// </summary>
public sealed partial class RatingSubmitFlow(IRatingsApi ratings) : IFlow
{
    public string Intent => Intents.RatingSubmit;
    public string Help => "评价需要服务人员给您的评价链接（扫二维码打开的网址）。评价分五档：非常满意、满意、一般、不满意、非常不满意。";

    private static readonly string[] Levels = ["非常不满意", "不满意", "一般", "满意", "非常满意"];

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        context.Set("key", "chat-" + Guid.NewGuid().ToString("N"));
        if (input.Score is { } score)
        {
            context.Set("score", score.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.Set("comment", input.Text.Length <= 200 ? input.Text : input.Text[..200]);
        }
        if (TokenIn(input.Text) is { } token && await UseLinkAsync(context, token, ct) is { IsAccepted: false } problem)
        {
            context.End();
            await context.SayAsync(problem.Reason!, ct);
            return;
        }
        await NextAsync(context, ct);
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        switch (context.Frame.Step)
        {
            case "link":
                if (TokenIn(input.Text) is not { } token) return Answer.Rejected("没有找到评价链接。请发送扫二维码后打开的网址（含 rating.html?t=…）。");
                if (await UseLinkAsync(context, token, ct) is { IsAccepted: false } problem) return problem;
                break;
            case "score":
                if (input.Score is not { } score) return Answer.Rejected("请选择一个满意程度。");
                context.Set("score", score.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Steps.Confirm:
                if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交评价。", ct); return Answer.Accepted; }
                if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
                context.End();
                await SubmitAsync(context, ct);
                return Answer.Accepted;
        }
        await NextAsync(context, ct);
        return Answer.Accepted;
    }

    private async Task NextAsync(FlowContext context, CancellationToken ct)
    {
        var slots = context.Frame;
        if (slots.Slot("token") is null) { await context.PromptAsync("link", "请发送服务人员给您的评价链接（扫二维码后打开的网址），我来帮您提交评价。", ct); return; }
        if (slots.Slot("score") is not { } score) { await context.PromptAsync("score", $"请问您对{slots.Slot("service")}满意吗？", ct, [.. Levels.Reverse()]); return; }
        var level = Levels[int.Parse(score) - 1];
        var low = int.Parse(score) <= 2 ? $"不满意的评价会要求服务机构在{slots.Slot("days")}个工作日内答复整改。" : "";
        var comment = slots.Slot("comment") is { } c ? $"，意见：“{c}”" : "";
        await context.ConfirmAsync($"您要评价：{slots.Slot("service")}（{slots.Slot("provider")}），{level}{comment}。{low}确认提交吗？", ct);
    }

    private async Task<Answer> UseLinkAsync(FlowContext context, string token, CancellationToken ct)
    {
        RatingLinkInfoDto link;
        try { link = await ratings.GetRatingLinkAsync(token, ct); }
        catch (ApiException e) when ((int)e.StatusCode is >= 400 and < 500) { return Answer.Invalid("这个评价链接无效或已过期，请向服务人员索取新的二维码。"); }
        if (link.AlreadyRated) return Answer.Invalid($"{link.ProjectName}的这次服务已经评价过了，谢谢您。");
        context.Set("token", token);
        context.Set("service", $"{link.ProjectName}{(link.Visit is { Length: > 0 } v ? $"（{v}）" : "")}");
        context.Set("provider", link.ProviderName);
        context.Set("days", link.RectificationDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Answer.Accepted;
    }

    private async Task SubmitAsync(FlowContext context, CancellationToken ct)
    {
        var slots = context.Frame;
        try
        {
            var receipt = await ratings.SubmitRatingAsync(new SubmitRatingRequest(slots.Slot("token"), slots.Slot("key"), int.Parse(slots.Slot("score")!), Comment: slots.Slot("comment")), "chat", ct);
            var follow = receipt.RectificationDueAt is { } due ? $"服务机构须在{ProjectCards.Date(due)}前答复整改，会有工作人员回访。" : "";
            await context.SayAsync($"评价已提交，谢谢您！{follow}", ct);
        }
        catch (ApiException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Gone or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
        {
            await context.SayAsync("没有提交成功：评价链接已失效或这次服务已经评价过了。", ct);
        }
    }

    /// <summary>The link token from a pasted rating address ("…/rating.html?t=TOKEN").</summary>
    private static string? TokenIn(string text) => LinkToken().Match(text) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value) : null;

    [GeneratedRegex(@"rating\.html\?(?:[^\s#]*&)?t=([A-Za-z0-9_\-\.~%]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkToken();
}
