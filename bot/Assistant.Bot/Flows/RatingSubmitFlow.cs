using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>
/// "这次助餐服务我给五星" or "今天的助餐服务不太好，饭菜凉了" → a rating submitted through the API, exactly like the
/// mobile rating page. A chat rating needs the rating link the recipient was given (the QR code's address, pasted
/// into the chat): the link names the contract and visit, so nobody can rate a service they were not asked about, and
/// the recipient stays anonymous to the provider. Without a link the flow asks for it and records nothing.
/// The idempotency key is made once per confirmation and kept in the flow's slots, so a repeated "确认" or a
/// redelivered message never creates a second rating.
/// </summary>
public sealed partial class RatingSubmitFlow(IRatingsApi ratings) : IFlow
{
    public string Intent => Intents.RatingSubmit;
    public string Help => "评价分五档：非常满意、满意、基本满意、不满意、非常不满意。聊天评价需要服务人员给您的评价二维码链接（扫码后复制发给我）。";

    private static readonly string[] Levels = ["非常不满意", "不满意", "基本满意", "满意", "非常满意"];

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        var raw = context.Turn.Activity.Text ?? input.Text;
        var score = input.Score ?? StarScore(raw);
        // A level read from a description ("饭菜凉了" → 不满意) keeps the description as the comment; a stated level
        // ("五星", "非常满意") or a bare "我要评价" is not a comment.
        if (score is not null && !StatedPattern().IsMatch(input.Text)) context.Set("comment", Trim(AnyLinkPattern().Replace(raw, "")));
        if (score is { } s) context.Set("score", s.ToString(CultureInfo.InvariantCulture));
        if (FindToken(raw) is { } token) context.Set("token", token);
        await NextAsync(context, ct);
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        switch (context.Frame.Step)
        {
            case "link":
                if (FindToken(context.Turn.Activity.Text ?? input.Text) is not { } token)
                    return Answer.Rejected("没有找到评价链接。请发送扫码后打开的地址（含 rating.html?t= 的那一串）。");
                context.Set("token", token);
                context.Set("service", null);
                break;
            case "score":
                if ((input.Score ?? StarScore(context.Turn.Activity.Text ?? input.Text)) is not { } score)
                    return Answer.Rejected("请选择一个满意程度。");
                context.Set("score", score.ToString(CultureInfo.InvariantCulture));
                break;
            case Steps.Confirm:
                if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交评价。", ct); return Answer.Accepted; }
                if (!input.Is(Intents.Affirm)) return Answer.Rejected("请回答“确认”或“取消”。");
                await SubmitAsync(context, ct);
                return Answer.Accepted;
        }
        await NextAsync(context, ct);
        return Answer.Accepted;
    }

    /// <summary>Asks for whatever is still missing: the link, then the level, then the confirmation.</summary>
    private async Task NextAsync(FlowContext context, CancellationToken ct)
    {
        var slots = context.Frame.Slots;
        if (!slots.TryGetValue("token", out var token))
        {
            await context.PromptAsync("link", "聊天里评价需要凭服务人员给您的评价二维码：请扫码后把打开的链接复制发给我，我帮您提交（不会记录您的身份）。也可以直接在扫码打开的页面里评价。", ct);
            return;
        }
        if (!slots.ContainsKey("service"))
        {
            RatingLinkInfoDto link;
            try
            {
                link = await ratings.GetRatingLinkAsync(token, ct);
            }
            catch (ApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                context.Set("token", null);
                if (e.StatusCode == HttpStatusCode.Gone) { context.End(); await context.SayAsync("这个评价链接已过期或已停用，请向服务人员索取新的评价二维码。", ct); return; }
                await context.PromptAsync("link", "这个评价链接无效，请核对后重新发送（扫码后打开的完整地址）。", ct);
                return;
            }
            if (link.AlreadyRated) { context.End(); await context.SayAsync($"这次服务（{link.ProviderName}，{link.ServiceName}）已经评价过了，感谢您的反馈。", ct); return; }
            context.Set("service", $"{link.ProviderName}提供的{link.ServiceName}（{link.ProjectName}{(link.Visit is { } v ? $"，{v}" : "")}）");
            context.Set("days", link.RectificationDays.ToString(CultureInfo.InvariantCulture));
        }
        if (!slots.TryGetValue("score", out var scoreText))
        {
            await context.PromptAsync("score", $"您要评价的是：{slots["service"]}。请问您对这次服务满意吗？", ct, [.. Levels.Reverse()]);
            return;
        }
        var score = int.Parse(scoreText, CultureInfo.InvariantCulture);
        var comment = slots.GetValueOrDefault("comment") is { Length: > 0 } c ? $"留言：“{c}”。" : "";
        var low = score <= 2 ? $"不满意的评价会转给服务机构，要求在{slots.GetValueOrDefault("days", "5")}个工作日内答复整改，并有工作人员跟进。" : "";
        await context.ConfirmAsync($"您要评价：{slots["service"]}，“{Levels[score - 1]}”。{comment}{low}确认提交吗？", ct);
    }

    private async Task SubmitAsync(FlowContext context, CancellationToken ct)
    {
        var slots = context.Frame.Slots;
        if (!slots.TryGetValue("key", out var key)) context.Set("key", key = Guid.NewGuid().ToString());
        var request = new SubmitRatingRequest(slots["token"], key, int.Parse(slots["score"], CultureInfo.InvariantCulture),
            Comment: slots.GetValueOrDefault("comment") is { Length: > 0 } c ? c : null);
        context.End();
        try
        {
            var result = await ratings.SubmitRatingAsync(request, "chat", ct);
            var fix = result.RectificationDueAt is { } due
                ? $"您反映的问题已转给服务机构整改，须在 {ChinaTime.From(due):yyyy年M月d日} 前答复，工作人员会跟进。" : "";
            await context.SayAsync($"评价已提交，谢谢您的反馈！{fix}", ct);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            await context.SayAsync("这次服务已经评价过了，每次服务只能评价一次。感谢您的反馈！", ct);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.Gone)
        {
            await context.SayAsync("评价链接刚刚过期了，本次没有提交。请向服务人员索取新的评价二维码。", ct);
        }
        catch (ApiException e) when (e.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            await context.SayAsync("评价没有提交成功：内容不符合要求（留言最多500字）或链接无效。请调整后重新评价。", ct);
        }
    }

    /// <summary>The token from a pasted rating page address (…/rating.html?t=…) or the bare token.</summary>
    public static string? FindToken(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (LinkPattern().Match(text) is { Success: true } m) return Uri.UnescapeDataString(m.Groups[1].Value);
        return BareTokenPattern().Match(text) is { Success: true } b ? b.Value : null;
    }

    /// <summary>"五星", "3颗星", "满分": the star wording people use for 1–5.</summary>
    public static int? StarScore(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Contains("满分")) return 5;
        if (StarPattern().Match(text) is not { Success: true } m) return null;
        return "一二三四五".IndexOf(m.Groups[1].Value[0]) is var i and >= 0 ? i + 1 : m.Groups[1].Value[0] == '两' ? 2 : m.Groups[1].Value[0] - '0';
    }

    private static string Trim(string text) => text.Trim().TrimEnd('，', ',', '：', ':').Trim() is var t && t.Length > 500 ? t[..500] : t;

    [GeneratedRegex(@"rating\.html\?(?:[^\s#]*&)?t=([A-Za-z0-9_\-\.%]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{40,}")]
    private static partial Regex BareTokenPattern();

    /// <summary>What is removed from a complaint before it is kept as the comment: addresses and tokens.</summary>
    [GeneratedRegex(@"https?://\S+|\S*rating\.html\?\S*|[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{40,}")]
    private static partial Regex AnyLinkPattern();

    [GeneratedRegex(@"([1-5一二两三四五])\s*颗?星")]
    private static partial Regex StarPattern();

    [GeneratedRegex(@"[1-5一二两三四五]\s*颗?星|[1-5]\s*分|满分|满意")]
    private static partial Regex StatedPattern();
}
