using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Bot.Flows;

/// <summary>
/// "上虞区有什么养老项目可以报名？", "预算超过50万的养老项目", "有哪些项目下个月截止": filters by region, service words,
/// budget, deadline window and openness. A list shown on its own then waits for a pick ("第二个") to show that project.
/// </summary>
public sealed class ProjectSearchFlow(IAssistantApi api, ProjectCards cards) : IFlow
{
    public const string CriteriaStep = "criteria";
    public const string PickStep = "pick";

    /// <summary>Requests that are not a pick from the list even when they name a listed project ("SY-2026-001我们想投标").</summary>
    private static readonly HashSet<string> Actions =
    [
        Intents.BidSubmit, Intents.ClarificationAsk, Intents.DeadlineExtend, Intents.ReminderSet, Intents.RatingSubmit,
        Intents.PolicyQuestion, Intents.OrgRegister, Intents.AccountLink, Intents.ProjectEligible,
    ];

    /// <summary>Service words matched against project names and categories (substring search on the API).</summary>
    private static readonly string[] ServiceWords =
        ["居家养老", "养老", "助餐", "日间照料", "安保", "社会工作", "社工", "路灯", "康复", "残疾", "阅读", "文化", "培训", "就业", "水质", "监测", "抽检", "食品", "调解", "评估", "儿童", "老人", "矫正", "城管", "公共卫生", "随访"];

    public string Intent => Intents.ProjectSearch;
    public string Help => "告诉我地区和服务类型即可，例如“上虞区 养老”或“预算50万以上的安保项目”。";

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) =>
        HasCriteria(input, context.Today) ? SearchAsync(context, input, ct)
            : context.OfferAsync(CriteriaStep, "您想找哪个地区或哪类服务的项目？", ct, "上虞区", "养老", "安保", "社会工作");

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (context.Frame.Step == PickStep)
        {
            // "第二个", "助餐的", a listed code: that project's status, as if it had been asked for by code.
            var picked = Actions.Contains(input.Intent) && input.Confidence >= DialogStack.StartThreshold ? []
                : ProjectChoice.Match(input.Text, input.ProjectCode, ProjectChoice.Decode(context.Frame.Slot("candidates")));
            if (picked.Count != 1) return Answer.Rejected("回复序号或项目编号可查看进展。");
            context.HandOver(Intents.ProjectStatus, input with { ProjectCode = picked[0].Id });
            return Answer.Accepted;
        }
        if (!HasCriteria(input, context.Today)) return Answer.Rejected("没有识别到地区或服务类型。");
        context.End();
        await SearchAsync(context, input, ct);
        return Answer.Accepted;
    }

    private static bool HasCriteria(Understood input, DateOnly today) =>
        input.Region is not null || input.BudgetMin is not null || input.BudgetMax is not null || ServiceWord(input.Text) is not null
        || DeadlineWindow.Of(input, today) != (null, null);

    private static string? ServiceWord(string text) => ServiceWords.FirstOrDefault(text.Contains);

    private async Task SearchAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        var word = ServiceWord(input.Text);
        var (from, to) = DeadlineWindow.Of(input, context.Today);
        // A deadline asked about is a deadline still to come: only projects taking bids have one.
        var openOnly = from is not null || to is not null
            || input.Text.Contains("报名") || input.Text.Contains("投标") || input.Text.Contains("招标") || input.Text.Contains("能参加");
        var page = await api.GetProjectsAsync(q: word, region: input.Region, take: 100, ct: ct);
        var matches = page.Items
            .Where(p => !openOnly || p.Status is ProjectStatus.Published or ProjectStatus.Bidding)
            .Where(p => input.BudgetMin is not { } min || p.Budget >= min)
            .Where(p => input.BudgetMax is not { } max || p.Budget <= max)
            .Where(p => (from is null && to is null) || (p.BidDeadline is { } d && (from is null || d >= from) && (to is null || d <= to)))
            .OrderBy(p => p.BidDeadline ?? DateTime.MaxValue)
            .ToList();
        var criteria = string.Join("、", new[]
        {
            input.Region, word, input.BudgetMin is { } a ? $"预算不低于{ProjectCards.Money(a)}" : null,
            input.BudgetMax is { } b ? $"预算不超过{ProjectCards.Money(b)}" : null, DeadlineWindow.Describe(input, context.Today),
            openOnly ? "正在接受报名" : null,
        }.Where(c => c is not null));
        if (matches.Count == 0)
        {
            await context.SayAsync($"没有找到符合条件（{criteria}）的项目。可以换个地区或服务类型试试。", ct, "上虞区有哪些项目", "养老项目");
            return;
        }
        var more = matches.Count > ProjectCards.MaxCards ? $"，先列出前{ProjectCards.MaxCards}个" : "";
        // Only a search on its own waits for a pick: one asked in the middle of a form hands back to the form's question.
        var hint = matches.Count > 1 && context.Conversation.Stack.Count == 1 ? "回复序号或编号可查看进展" : "";
        await context.SendAsync(cards.List($"找到{matches.Count}个符合条件（{criteria}）的项目{more}{(hint == "" ? "" : "，" + hint)}：", matches), ct);
        if (hint == "") return;
        context.Set("candidates", ProjectChoice.Encode(matches.Take(ProjectCards.MaxCards).Select(p => new ProjectChoice.Option(p.Id, p.Name))));
        context.AwaitOptional(PickStep, hint + "。");
    }
}
