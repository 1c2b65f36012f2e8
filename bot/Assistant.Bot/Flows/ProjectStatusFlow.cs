using System.Text;
using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Bot.Flows;

/// <summary>
/// Where a project stands: stage, key dates, next step and who acts. Lists for "本月有哪些项目待评价" and
/// "哪些项目超过截止日期还没定标". Several projects match a name → "您指的是哪一个？", never a guess.
/// </summary>
public sealed class ProjectStatusFlow(IAssistantApi api, IAccessApi access, ProjectLookup lookup, ProjectCards cards, TimeProvider clock) : IFlow
{
    private const string WhichStep = "which";

    public string Intent => Intents.ProjectStatus;
    public string Help => "请选择一个项目，或者直接输入项目编号（如 SY-2025-001）。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (input.ProjectCode is null && input.Text.Contains("待评价")) { await PendingEvaluationAsync(context, ct); return; }
        if (input.ProjectCode is null && (input.Text.Contains("没定标") || input.Text.Contains("超过截止") || input.Text.Contains("逾期"))) { await OverdueAsync(context, ct); return; }

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
        if (await OpenComplaintsAsync(context, p.Id, ct) is { } complaints) text.AppendLine(complaints);
        text.Append($"详情：{cards.Url(p.Id)}");
        await context.SayAsync(text.ToString(), ct);
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

    /// <summary>Staff get the API's list for the departments they manage; false when the API refuses the acting user.</summary>
    private async Task<bool> StaffOverdueAsync(FlowContext context, CancellationToken ct)
    {
        IReadOnlyList<OverdueAwardDto> overdue;
        try { overdue = await access.GetOverdueAwardAsync(context.User.Username!, ct); }
        catch (Exception e) when (ApiFailure.IsRefused(e)) { return false; }
        if (overdue.Count == 0) { await context.SayAsync("您管理的项目中，没有超过投标截止日期仍未定标的项目。", ct); return true; }
        var lines = overdue.Select(p => $"· {p.Name}（{p.Id}）{p.StatusLabel}，已超过截止日期{p.DaysOverdue}天：{cards.Url(p.Id)}");
        await context.SayAsync($"您管理的项目中有{overdue.Count}个已过投标截止日期但还没有定标：\n{string.Join("\n", lines)}", ct);
        return true;
    }

    private async Task PendingEvaluationAsync(FlowContext context, CancellationToken ct)
    {
        if (context.User.IsStaff && await StaffPendingEvaluationsAsync(context, ct)) return;
        // Service ends this month (or already ended) and the project is still in service: its evaluation is due.
        var today = ChinaTime.Today(clock);
        var monthEnd = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var inService = await api.GetProjectsAsync(status: ProjectStatus.InService, take: 100, ct: ct);
        var due = new List<ProjectSummaryDto>();
        foreach (var summary in inService.Items)
        {
            var details = await api.GetProjectAsync(summary.Id, ct);
            if (details.ServiceEnd is { } end && DateOnly.FromDateTime(ChinaTime.From(end)) < monthEnd) due.Add(summary);
        }
        if (due.Count == 0)
        {
            var upcoming = string.Join("、", inService.Items.Take(3).Select(p => p.Name));
            await context.SayAsync($"本月没有到期待评价的项目。{(upcoming.Length > 0 ? $"正在服务中的项目有：{upcoming}。" : "")}", ct);
            return;
        }
        await context.SendAsync(cards.List($"本月有{due.Count}个项目服务期满、待绩效评价：", due), ct);
    }

    /// <summary>Staff get the API's list of evaluations due this month for the projects they manage.</summary>
    private async Task<bool> StaffPendingEvaluationsAsync(FlowContext context, CancellationToken ct)
    {
        IReadOnlyList<EvaluationDueDto> due;
        try { due = await access.GetPendingEvaluationAsync(context.User.Username!, ct: ct); }
        catch (Exception e) when (ApiFailure.IsRefused(e)) { return false; }
        if (due.Count == 0)
        {
            await context.SayAsync("本月没有到期待评价的项目。", ct);
            return true;
        }
        var lines = due.Select(p => $"· {p.Name}（{p.Id}）评价截止 {ProjectCards.Date(p.EvaluationDue)}{(p.Overdue ? "，已逾期" : "")}：{cards.Url(p.Id)}");
        await context.SayAsync($"本月有{due.Count}个项目待绩效评价：\n{string.Join("\n", lines)}", ct);
        return true;
    }

    private async Task OverdueAsync(FlowContext context, CancellationToken ct)
    {
        if (context.User.IsStaff && await StaffOverdueAsync(context, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = new List<ProjectSummaryDto>();
        foreach (var status in new[] { ProjectStatus.Bidding, ProjectStatus.EvaluatingBids })
        {
            var page = await api.GetProjectsAsync(status: status, take: 100, ct: ct);
            overdue.AddRange(page.Items.Where(p => p.BidDeadline < now));
        }
        if (overdue.Count == 0)
        {
            await context.SayAsync("目前没有超过投标截止日期仍未定标的项目。", ct);
            return;
        }
        await context.SendAsync(cards.List($"有{overdue.Count}个项目已过投标截止日期但还没有定标：", overdue.OrderBy(p => p.BidDeadline).ToList()), ct);
    }
}
