using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>
/// "康乐养老的评分怎么样": a provider's public rating statistics (信息公开), for anyone: recipients and their families
/// choosing a provider, staff between meetings, the public. Only the aggregates the disclosure page shows, with the
/// published composite evaluations, and where they come from.
/// </summary>
public sealed partial class ProviderRatingsFlow(IRatingsApi ratings) : IFlow
{
    private const string Choose = "provider";
    private const string Another = "another";

    public string Intent => Intents.ProviderRatings;
    public string Help => "请说出承接主体的名称，例如“康乐养老的评分怎么样”，或回复列表中的序号。";

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) => LookUpAsync(context, NameIn(input.Text), ct);

    private async Task LookUpAsync(FlowContext context, string name, CancellationToken ct)
    {
        if (name.Length < 2)
        {
            await context.SayAsync("您想查哪家承接主体的服务评价？请带上单位名称再问一次，例如“康乐养老的评分怎么样”。", ct);
            return;
        }
        IReadOnlyList<DisclosedProviderDto> found;
        try
        {
            found = await ratings.FindProvidersAsync(name, ct);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.BadRequest)
        {
            found = [];
        }
        switch (found.Count)
        {
            case 0:
                context.End();
                await context.SayAsync($"没有找到名称中含“{name}”的已登记承接主体。请核对名称（可以只说其中几个字，如“康乐养老”）再问一次。", ct);
                return;
            case 1:
                await AnswerAsync(context, found[0].OrganisationId, ct);
                return;
        }
        context.Set(Choose, ProjectChoice.Encode(found.Select(p => new ProjectChoice.Option(p.OrganisationId, p.Name))));
        var list = string.Join("\n", found.Select((p, i) => $"{i + 1}. {p.Name}"));
        await context.OfferAsync(Choose, $"名称含“{name}”的承接主体有 {found.Count} 家：\n{list}\n您想查看哪一家？请回复序号或名称。", ct,
            [.. found.Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture))]);
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (context.Frame.Step == Another)
        {
            // "那阳光社工呢" right after an answer: the same question about another provider. Anything else is a new request.
            if (input.ProjectCode is not null || FollowUp().Match(input.Text) is not { Success: true } next)
                return Answer.Rejected("");
            await LookUpAsync(context, NameIn(next.Groups["name"].Value), ct);
            return Answer.Accepted;
        }
        // "第二个", "2" or words only one of the names holds ("阳光的").
        if (ProjectChoice.Match(input.Text, null, ProjectChoice.Decode(context.Frame.Slot(Choose))) is not [var chosen])
            return Answer.Rejected("请回复列表中的序号（例如“1”）或名称中的几个字。");
        await AnswerAsync(context, chosen.Id, ct);
        return Answer.Accepted;
    }

    private async Task AnswerAsync(FlowContext context, string organisationId, CancellationToken ct)
    {
        var stats = await ratings.GetProviderRatingStatsAsync(organisationId, ct);
        var published = await ratings.GetDisclosedEvaluationsAsync(organisationId, ct: ct);
        await context.SayAsync(Describe(stats, published), ct);
        context.AwaitOptional(Another, "还想看哪一家？例如“那阳光社工呢”");
    }

    public static string Describe(ProviderRatingStatsDto stats, IReadOnlyList<DisclosedEvaluationDto> published)
    {
        var text = new StringBuilder($"{stats.ProviderName} · 服务对象评价（公开统计）\n");
        if (stats.Count == 0) text.Append("暂无有效评价。\n");
        else
        {
            text.Append($"有效评价 {stats.Count} 条，平均 {stats.Average:0.0#} 分（满分 5 分），满意率 {stats.SatisfactionRate:0.#}%\n");
            text.Append(string.Join(" · ", stats.Levels.Select(l => $"{l.Key} {l.Value}"))).Append('\n');
            foreach (var project in stats.Projects)
                text.Append($"· {project.ProjectName}：{project.Count} 条，平均 {project.Average:0.0#} 分\n");
        }
        if (stats.RectificationsOpened > 0)
            text.Append($"差评整改：共 {stats.RectificationsOpened} 件，已办结 {stats.RectificationsClosed} 件\n");
        foreach (var evaluation in published.OrderByDescending(e => e.PublishedAt).Take(3))
            text.Append($"绩效评价：{evaluation.ProjectName}（{PeriodLabel(evaluation.Period)}）综合得分 {evaluation.CompositeScore:0.#}，{evaluation.GradeLabel}\n");
        text.Append("来源：信息公开 · 承接主体评价统计与绩效评价结果。作废的评价不计入，不含任何留言或评价人信息。");
        return text.ToString();
    }

    /// <summary>The API's period names ("contract", "2025", "2025-H1", "2025-Q3", "2025-07") as people say them.</summary>
    public static string PeriodLabel(string period) => PeriodShape().Match(period) switch
    {
        _ when period == "contract" => "合同期",
        { Success: true, Groups: var g } when g["h"].Success => $"{g["y"].Value}年{(g["h"].Value == "1" ? "上" : "下")}半年",
        { Success: true, Groups: var g } when g["q"].Success => $"{g["y"].Value}年第{g["q"].Value}季度",
        { Success: true, Groups: var g } when g["m"].Success => $"{g["y"].Value}年{int.Parse(g["m"].Value, CultureInfo.InvariantCulture)}月",
        { Success: true, Groups: var g } => $"{g["y"].Value}年度",
        _ => period,
    };

    [GeneratedRegex(@"^(?<y>\d{4})(?:-H(?<h>[12])|-Q(?<q>[1-4])|-(?<m>\d{2}))?$")]
    private static partial Regex PeriodShape();

    /// <summary>"请问康乐养老的服务评分怎么样？" → "康乐养老": the words around the name taken off.</summary>
    public static string NameIn(string text)
    {
        var name = AskedAbout().Replace(Lead().Replace(text.Trim(), ""), "");
        return name.Trim().TrimEnd('的').Trim();
    }

    [GeneratedRegex(@"^(那么?|还有)?(?<name>.{2,40}?)(的(评分|评价|口碑|情况))?(呢|怎么样|如何)[？?。]*$")]
    private static partial Regex FollowUp();

    [GeneratedRegex(@"^(请问|想问一?下|我想(知道|了解|问问|查查?|看看)|帮我查(一下)?|查一?下|查询|看看|问一?下)[，,\s]*")]
    private static partial Regex Lead();

    [GeneratedRegex("的?(服务)?" + KeywordUnderstanding.RatedAspect + KeywordUnderstanding.HowIsIt + "?" + KeywordUnderstanding.QuestionEnd)]
    private static partial Regex AskedAbout();
}
