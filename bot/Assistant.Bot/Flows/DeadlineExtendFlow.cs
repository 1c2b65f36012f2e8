using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>
/// "把SY-2025-001的投标截止时间延长到3月10日": only linked staff of the project's own department (the API checks it again),
/// only later than the current deadline, with a reason, and only after the user confirms.
/// </summary>
public sealed class DeadlineExtendFlow(ProjectLookup lookup, IAccessApi access) : IFlow
{
    public string Intent => Intents.DeadlineExtend;
    public string Help => "例如“把SY-2026-001的投标截止时间延长到3月10日”。只能调整本部门的项目，需要说明延期原因。";

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
        var current = p.BidDeadline is { } d ? ChinaTime.From(d) : (DateTime?)null;
        var newDate = input.Date.Value;
        if (current is { } c && newDate <= DateOnly.FromDateTime(c))
        {
            await context.SayAsync($"新的截止日期{newDate:yyyy年M月d日}不晚于现在的截止时间{c:yyyy年M月d日}，只能延长。", ct);
            return;
        }
        // Same time of day as before (Beijing time), stored in UTC like every deadline.
        var local = newDate.ToDateTime(TimeOnly.FromTimeSpan(current?.TimeOfDay ?? TimeSpan.FromHours(17)));
        context.Set("project", p.Id);
        context.Set("name", p.Name);
        context.Set("deadline", ChinaTime.ToUtc(local).ToString("O"));
        context.Set("from", current is { } f ? $"{f:yyyy年M月d日 HH:mm}" : "未设置");
        await context.PromptAsync("reason", "请简要说明延期原因（会记入审计记录）。", ct);
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (context.Frame.Step == "reason")
        {
            if (FreeText.IsQuestionInstead(input)) return Answer.Rejected("这一步请写明延期原因，例如“供应商反映材料准备时间不足”。");
            if (input.Text.Length is < 2 or > 200) return Answer.Rejected("延期原因请用2到200个字说明。");
            // "确认"/"好的" typed here is a reply to the wrong question; it must not go into the audit trail as the reason.
            if (input.Is(Intents.Affirm) || input.Text.Trim() is "确认" or "好的" or "可以" or "同意" or "是的")
                return Answer.Invalid("这一步需要写明延期原因，例如“供应商反映材料准备时间不足”。");
            context.Set("reason", input.Text);
            var to = ChinaTime.From(DateTime.Parse(context.Frame.Slot("deadline")!, null, System.Globalization.DateTimeStyles.RoundtripKind));
            await context.ConfirmAsync($"确认把{context.Frame.Slot("name")}（{context.Frame.Slot("project")}）的投标截止时间从{context.Frame.Slot("from")}延长到{to:yyyy年M月d日 HH:mm}吗？原因：{input.Text}", ct);
            return Answer.Accepted;
        }
        if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，截止时间保持不变。", ct); return Answer.Accepted; }
        if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
        context.End();
        var deadline = DateTime.Parse(context.Frame.Slot("deadline")!, null, System.Globalization.DateTimeStyles.RoundtripKind);
        try
        {
            var status = await access.ExtendBidDeadlineAsync(context.Frame.Slot("project")!, new ExtendDeadlineRequest(deadline, context.Frame.Slot("reason")), context.User.Username!, ct);
            await context.SayAsync($"已延长：{status.Name}（{status.Id}）的投标截止时间现在是{(status.KeyDates.BidDeadline is { } d ? ProjectCards.Date(d) : "未设置")}。", ct);
        }
        catch (ApiException e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            // The API re-checks department, stage and dates; its Chinese explanation is shown as is.
            var problem = await e.GetContentAsAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
            await context.SayAsync($"没有延长：{problem?.Detail ?? problem?.Title ?? "系统拒绝了这次修改"}。", ct);
        }
        return Answer.Accepted;
    }
}
