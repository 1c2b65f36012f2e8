using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Bot.Flows;

/// <summary>
/// The lists staff ask for by message: "本月有哪些项目待评价" and "哪些项目超过截止日期还没定标". Staff get the API's
/// lists for the departments they manage; anyone else the public view of the same question.
/// </summary>
public sealed class ProjectWatchLists(IAssistantApi api, IAccessApi access, ProjectCards cards, TimeProvider clock)
{
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

    public async Task PendingEvaluationAsync(FlowContext context, CancellationToken ct)
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

    public async Task OverdueAsync(FlowContext context, CancellationToken ct)
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
