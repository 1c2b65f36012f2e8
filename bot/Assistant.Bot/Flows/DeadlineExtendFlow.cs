using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Domain;

namespace Assistant.Bot.Flows;

/// <summary>
/// "把SY-2025-001的投标截止时间延长到3月10日": only linked staff of the project's own department, only after confirming.
/// The API has no deadline-change endpoint yet, so after confirmation the flow says plainly that nothing was changed.
/// </summary>
public sealed class DeadlineExtendFlow(ProjectLookup lookup) : IFlow
{
    public string Intent => Intents.DeadlineExtend;
    public string Help => "例如“把SY-2026-001的投标截止时间延长到3月10日”。只能调整本部门的项目。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (!context.User.IsStaff)
        {
            await context.SayAsync("调整截止时间需要购买主体工作人员账号：请先在网页登录，生成绑定码后输入“绑定 123456”。", ct);
            return;
        }
        if (input.ProjectCode is null || input.Date is null)
        {
            await context.SayAsync("请说明项目编号和新的截止日期，例如“把SY-2026-001的投标截止时间延长到3月10日”。", ct);
            return;
        }
        if (await lookup.ByCodeAsync(input.ProjectCode, ct) is not ProjectLookup.Found { Project: var p })
        {
            await context.SayAsync($"没有找到编号为 {input.ProjectCode} 的项目。", ct);
            return;
        }
        if (!context.User.CanManage(p.Department))
        {
            await context.SayAsync($"{p.Name}属于{p.Department}，您只能调整本部门（{context.User.Department ?? "未设置"}）的项目。", ct);
            return;
        }
        if (p.Status is not (ProjectStatus.Published or ProjectStatus.Bidding))
        {
            await context.SayAsync($"{p.Name}目前处于“{p.StatusLabel}”阶段，投标截止时间已不能调整。", ct);
            return;
        }
        var newDate = input.Date.Value;
        if (p.BidDeadline is { } current && newDate <= DateOnly.FromDateTime(ChinaTime.From(current)))
        {
            await context.SayAsync($"新的截止日期{newDate:yyyy年M月d日}不晚于现在的截止时间{ProjectCards.Date(current)}，只能延长。", ct);
            return;
        }
        context.Set("project", p.Id);
        await context.ConfirmAsync($"确认把{p.Name}（{p.Id}）的投标截止时间从{(p.BidDeadline is { } d ? ProjectCards.Date(d) : "未设置")}延长到{newDate:yyyy年M月d日}吗？延期会通知所有已报名的单位。", ct);
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，截止时间保持不变。", ct); return Answer.Accepted; }
        if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
        context.End();
        await context.SayAsync("抱歉，系统暂时还不支持在聊天中修改截止时间，本次没有做任何修改。请在工作台的项目页面调整。", ct);
        return Answer.Accepted;
    }
}

/// <summary>"提醒我明天截止的项目": lists them now; scheduled proactive reminders are not available yet and it says so.</summary>
public sealed class ReminderFlow(ProjectQueries projects, ProjectCards cards, TimeProvider clock) : IFlow
{
    public string Intent => Intents.ReminderSet;
    public string Help => "例如“提醒我明天截止的项目”。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        var day = input.Date ?? ChinaTime.Today(clock).AddDays(1);
        var due = await projects.DueOnAsync(day, ct);
        var list = due.Count == 0 ? $"{day:M月d日}没有投标截止的项目。" : null;
        if (list is not null) await context.SayAsync(list, ct);
        else await context.SendAsync(cards.List($"{day:M月d日}投标截止的项目有{due.Count}个：", due), ct);
        await context.SayAsync("定时提醒功能暂未开通，到时不会自动提醒您，请留意以上截止时间。", ct);
    }

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}
