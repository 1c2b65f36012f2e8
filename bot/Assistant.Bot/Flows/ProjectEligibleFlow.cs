using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;

namespace Assistant.Bot.Flows;

/// <summary>
/// "有没有适合我们的项目": for a linked organisation, the open projects it may bid for (category, region, requirements
/// checked by the API) with why each fits, filtered by budget and deadline from the message ("预算五十万以上",
/// "下个月截止"); near misses are explained when asked ("为什么"). Anyone else gets the plain open-project search.
/// </summary>
public sealed partial class ProjectEligibleFlow(IProvidersApi providers, IAssistantApi api, ProjectCards cards) : IFlow
{
    private const string WhyStep = "why";
    private const string RegisteredStep = "registered";
    private readonly ProjectSearchFlow _search = new(api, cards);

    public string Intent => Intents.ProjectEligible;
    public string Help => "我会列出贵单位可以投标的项目，并说明哪些项目不符合条件、为什么。可以加上条件，例如“预算五十万以上”“下个月截止”。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (!context.User.IsOrganisation || context.User.OrganisationId is not { } organisationId)
        {
            await _search.StartAsync(context, input, ct);
            // Staff and linked users of other roles have no organisation to check; a stranger may be one not yet registered.
            if (context.Frame.Step != ProjectSearchFlow.CriteriaStep && !context.User.IsLinked)
                await context.OfferAsync(RegisteredStep, "贵单位已经在平台登记了吗？登记并绑定单位账号后，我可以告诉您哪些项目适合贵单位、不适合的原因是什么。", ct,
                    "还没有，我要登记", "已经登记了");
            return;
        }
        var (from, to) = DeadlineWindow.Of(input, context.Today);
        var result = await providers.GetEligibleProjectsAsync(organisationId, input.BudgetMin, input.BudgetMax, from, to, ct);
        if (!result.CanBid)
        {
            await context.SayAsync($"暂时不能为贵单位推荐项目：{result.BlockedReason}。", ct);
            return;
        }
        var eligible = result.Eligible.Where(e => input.Region is null || e.Project.Region == input.Region).ToList();
        var text = eligible.Count == 0
            ? "目前没有完全符合贵单位条件的开放项目。"
            : $"有{eligible.Count}个项目适合贵单位：";
        if (eligible.Count > 0)
            await context.SendAsync(Replies.Cards(text, eligible.Take(ProjectCards.MaxCards).Select(e => (
                e.Project.Name,
                $"{e.Project.Id} · 预算{ProjectCards.Money(e.Project.Budget)} · {e.Project.MethodLabel}" +
                $"{(e.Project.BidDeadline is { } d ? " · 截止" + ProjectCards.Date(d) : "")} · 适合原因：{string.Join("，", e.Fits)}",
                cards.Url(e.Project.Id)))), ct);
        else await context.SayAsync(text, ct);

        // Near misses: the same service or the same region, so the reasons are worth hearing.
        var near = result.NotEligible
            .Where(n => !(n.Reasons.Any(r => r.StartsWith("服务类别不符")) && n.Reasons.Any(r => r.StartsWith("服务区域不符"))))
            .Where(n => input.Region is null || n.Project.Region == input.Region)
            .Take(ProjectCards.MaxCards)
            .Select(n => new NearMiss(n.Project.Id, n.Project.Name, n.Reasons.ToList())).ToList();
        if (near.Count == 0) return;
        context.Set("near", JsonSerializer.Serialize(near));
        await context.OfferAsync(WhyStep, $"另有{near.Count}个相关项目暂不符合条件（如 {near[0].Name}）。想知道原因吗？", ct, "查看原因", "不用了");
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (context.Frame.Step == RegisteredStep) return await RegisteredAsync(context, input, ct);
        if (context.Frame.Step is ProjectSearchFlow.CriteriaStep or ProjectSearchFlow.PickStep) return await _search.ContinueAsync(context, input, ct);
        if (input.Is(Intents.Deny) || input.Text.StartsWith("不用"))
        {
            context.End();
            await context.SayAsync("好的。需要时随时问我。", ct);
            return Answer.Accepted;
        }
        var near = JsonSerializer.Deserialize<List<NearMiss>>(context.Frame.Slot("near") ?? "[]") ?? [];
        var chosen = input.ProjectCode is { } code ? near.Where(n => n.Id == code).ToList() : near;
        if (!(input.Text.Contains("为什么") || input.Text.Contains("原因") || input.Text.Contains("查看") || input.Is(Intents.Affirm) || input.ProjectCode is not null) || chosen.Count == 0)
            return Answer.Rejected("回复“查看原因”，或输入项目编号只看该项目。");
        context.End();
        await context.SayAsync(string.Join("\n", chosen.Select(n => $"· {n.Name}（{n.Id}）：{string.Join("；", n.Reasons)}")), ct);
        return Answer.Accepted;
    }

    /// <summary>"还没有" hands over to registration; "登记了" is told how to link the account the bot needs to check fit.</summary>
    private static async Task<Answer> RegisteredAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        var text = input.Text;
        if (NotRegistered().IsMatch(text) || input.Is(Intents.Deny))
        {
            context.HandOver(Intents.OrgRegister);
            return Answer.Accepted;
        }
        if (!Registered().IsMatch(text) && !input.Is(Intents.Affirm))
            return Answer.Rejected("请回答“还没有”或“已经登记了”。");
        context.End();
        await context.SayAsync("请用单位账号登录网页版，在“我的账号”里生成绑定码，然后在这里输入“绑定 123456”（换成您的6位绑定码）。绑定后再问我“有没有适合我们的项目”。", ct);
        return Answer.Accepted;
    }

    [GeneratedRegex("^(还|都)?(没|未|不是|没有)|(没|未|没有)(登记|注册)|^否")]
    private static partial Regex NotRegistered();

    [GeneratedRegex("(已经?|早就?)(登记|注册)|(登记|注册)(了|过)|^(是|对|有)")]
    private static partial Regex Registered();

    private sealed record NearMiss(string Id, string Name, List<string> Reasons);
}
