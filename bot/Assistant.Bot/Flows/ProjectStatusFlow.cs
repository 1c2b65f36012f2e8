using System.Text;
using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Bot.Flows;

/// <summary>
/// Where a project stands: stage, key dates, next step and who acts; the lists ("本月有哪些项目待评价",
/// "哪些项目超过截止日期还没定标") come from <see cref="ProjectWatchLists"/>. Several projects match a name →
/// "您指的是哪一个？", never a guess.
/// </summary>
public sealed class ProjectStatusFlow(IAssistantApi api, IAccessApi access, ProjectLookup lookup, ProjectCards cards, ProjectWatchLists lists) : IFlow
{
    private const string WhichStep = "which";

    public string Intent => Intents.ProjectStatus;
    public string Help => "请选择一个项目，或者直接输入项目编号（如 SY-2025-001）。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (input.ProjectCode is null && input.Text.Contains("待评价")) { await lists.PendingEvaluationAsync(context, ct); return; }
        if (input.ProjectCode is null && (input.Text.Contains("没定标") || input.Text.Contains("超过截止") || input.Text.Contains("逾期"))) { await lists.OverdueAsync(context, ct); return; }

        context.Set("question", input.Text);
        switch (await lookup.FindAsync(input, context.User.IsStaff ? context.User.Department : null, ct))
        {
            case ProjectLookup.Found found:
                await AnswerAsync(context, found.Project, ct);
                break;
            case ProjectLookup.Ambiguous ambiguous:
                await OfferChoiceAsync(context, ambiguous.Candidates.Take(6).Select(c => new ProjectChoice.Option(c.Id, c.Name)).ToList(), "您指的是哪一个？", ct);
                break;
            case ProjectLookup.NotFound notFound:
                await context.SayAsync($"没有找到“{notFound.What}”相关的公开项目。请核对项目名称，或直接输入项目编号（如 SY-2025-001）。", ct);
                break;
        }
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        var offered = ProjectChoice.Decode(context.Frame.Slot("candidates"));
        var matches = ProjectChoice.Match(input.Text, input.ProjectCode, offered);
        if (matches.Count == 0) return Answer.Rejected("请从列表中选择一个项目，或输入项目编号。");
        if (matches.Count > 1)
        {
            await OfferChoiceAsync(context, matches, $"有{matches.Count}个符合，您指的是哪一个？", ct);
            return Answer.Accepted;
        }
        var chosen = matches[0].Id;
        if (await lookup.ByCodeAsync(chosen, ct) is not ProjectLookup.Found found) return Answer.Invalid($"没有编号为 {chosen} 的公开项目。");
        context.End();
        await AnswerAsync(context, found.Project, ct);
        return Answer.Accepted;
    }

    private static Task OfferChoiceAsync(FlowContext context, IReadOnlyList<ProjectChoice.Option> options, string question, CancellationToken ct)
    {
        context.Set("candidates", ProjectChoice.Encode(options));
        return context.OfferAsync(WhichStep, question, ct, options.Select(o => $"{o.Id} {o.Name}").ToArray());
    }

    private async Task AnswerAsync(FlowContext context, ProjectDetailsDto p, CancellationToken ct)
    {
        var text = new StringBuilder();
        var question = context.Frame.Slot("question") ?? "";
        if (question.Contains("签合同") || question.Contains("签约"))
            text.AppendLine(p.Status is >= ProjectStatus.Contracted and <= ProjectStatus.Closed ? "已经签了合同。" : $"还没有签合同，目前处于“{p.StatusLabel}”阶段。");
        text.AppendLine($"{p.Name}（{p.Id}）");
        text.AppendLine($"当前阶段：{p.StatusLabel}");
        var dates = new List<string>();
        if (p.PublishedAt is { } published) dates.Add($"公开 {ProjectCards.Date(published)}");
        if (p.BidDeadline is { } deadline) dates.Add($"投标截止 {ProjectCards.Date(deadline)}");
        if (p.AwardedAt is { } awarded) dates.Add($"定标 {ProjectCards.Date(awarded)}");
        if (p.ServiceStart is { } start && p.ServiceEnd is { } end) dates.Add($"服务期 {ProjectCards.Date(start)}至{ProjectCards.Date(end)}");
        if (dates.Count > 0) text.AppendLine($"关键日期：{string.Join("；", dates)}");
        text.AppendLine($"下一步：{p.NextStep}（由{p.NextActor}办理）");
        text.AppendLine($"购买主体：{p.Department}；预算{ProjectCards.Money(p.Budget)}；{p.MethodLabel}");
        if (p.Status is >= ProjectStatus.Awarded and <= ProjectStatus.Closed && await ResultsAsync(p.Id, ct) is { } results) text.AppendLine(results);
        if (await OpenComplaintsAsync(context, p.Id, ct) is { } complaints) text.AppendLine(complaints);
        text.Append($"详情：{cards.Url(p.Id)}");
        await context.SayAsync(text.ToString(), ct);
    }

    /// <summary>"中标单位：…；合同金额…；绩效评价：良好（88.14分）" from what is disclosed; nothing when that cannot be read.</summary>
    private async Task<string?> ResultsAsync(string projectId, CancellationToken ct)
    {
        ProjectResultsDto results;
        try { results = await api.GetProjectResultsAsync(projectId, ct); }
        catch (Exception e) when (ApiFailure.IsRefused(e) || ApiFailure.IsNotFound(e)) { return null; }
        var parts = new List<string>();
        if (results.Award is { } award)
            parts.Add($"中标单位：{award.ProviderName}" + (award.ContractAmount is { } amount ? $"；合同金额{ProjectCards.Money(amount)}" : ""));
        if (results.Evaluations.LastOrDefault() is { } evaluation)
            parts.Add($"绩效评价：{evaluation.GradeLabel}（{evaluation.CompositeScore:0.##}分）");
        return parts.Count == 0 ? null : string.Join("；", parts);
    }

    /// <summary>Open 差评 cases from the status endpoint; the API decides what this user may see (counts, or the list for staff).</summary>
    private async Task<string?> OpenComplaintsAsync(FlowContext context, string projectId, CancellationToken ct)
    {
        try
        {
            var status = await access.GetProjectStatusAsync(projectId, context.User.Username, ct);
            if (status.OpenRectificationCount == 0) return "差评整改：没有未结的差评。";
            var overdue = status.OverdueRectificationCount > 0 ? $"，其中{status.OverdueRectificationCount}件已超过整改期限" : "";
            var earliest = status.OpenRectifications is { Count: > 0 } list ? $"（最早应于{ProjectCards.Date(list.Min(c => c.DueAt))}前答复）" : "";
            return $"差评整改：{status.OpenRectificationCount}件未结{overdue}{earliest}。";
        }
        catch (Exception e) when (ApiFailure.IsRefused(e) || ApiFailure.IsNotFound(e))
        {
            return null;
        }
    }
}
