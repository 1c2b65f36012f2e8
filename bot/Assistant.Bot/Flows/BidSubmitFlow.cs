using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Domain;

namespace Assistant.Bot.Flows;

/// <summary>
/// Collects a bid (project, price) with checks against the project (open, before the deadline, within budget), then
/// confirms. Submitting bids from chat is not available yet: the flow says nothing was submitted.
/// </summary>
public sealed class BidSubmitFlow(ProjectLookup lookup, ProjectCards cards, TimeProvider clock) : IFlow
{
    public string Intent => Intents.BidSubmit;
    public string Help => "投标需要：项目编号（如 SY-2026-001）和报价金额（如“四十五万元”）。只有已绑定账号的社会组织可以投标。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (!context.User.IsOrganisation)
        {
            await context.SayAsync("投标需要以承接主体身份进行：请先在网页登录单位账号，生成绑定码后输入“绑定 123456”。没有账号可以先说“我要登记”。", ct);
            return;
        }
        if (input.Money is { } money) context.Set("price", money.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (input.ProjectCode is { } code && await CheckProjectAsync(context, code, ct) is { IsAccepted: false } problem)
        {
            await context.SayAsync(problem.Reason!, ct);
            return;
        }
        await NextAsync(context, ct);
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        switch (context.Frame.Step)
        {
            case "project":
                if (input.ProjectCode is not { } code) return Answer.Rejected("请输入项目编号，例如 SY-2026-001。");
                if (await CheckProjectAsync(context, code, ct) is { IsAccepted: false } problem) return problem;
                break;
            case "price":
                if (input.Money is not { } money || money <= 0) return Answer.Rejected("请输入报价金额，例如“四十五万元”或“450000元”。");
                var budget = decimal.Parse(context.Frame.Slot("budget")!, System.Globalization.CultureInfo.InvariantCulture);
                if (money > budget) return Answer.Invalid($"报价{ProjectCards.Money(money)}超过了项目预算{ProjectCards.Money(budget)}，请核对。");
                context.Set("price", money.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case Steps.Confirm:
                if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交投标。", ct); return Answer.Accepted; }
                if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
                context.End();
                await context.SayAsync($"抱歉，聊天里暂时还不能提交投标，本次没有提交。请在项目页面提交：{cards.Url(context.Frame.Slot("project")!)}", ct);
                return Answer.Accepted;
        }
        await NextAsync(context, ct);
        return Answer.Accepted;
    }

    private async Task NextAsync(FlowContext context, CancellationToken ct)
    {
        if (context.Frame.Slot("project") is null) { await context.PromptAsync("project", "请问要投哪个项目？请输入项目编号（如 SY-2026-001）。", ct); return; }
        if (context.Frame.Slot("price") is not { } price) { await context.PromptAsync("price", "请问报价多少？", ct); return; }
        await context.ConfirmAsync($"请确认：投标 {context.Frame.Slot("name")}（{context.Frame.Slot("project")}），报价{ProjectCards.Money(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture))}。确认提交吗？", ct);
    }

    private async Task<Answer> CheckProjectAsync(FlowContext context, string code, CancellationToken ct)
    {
        if (await lookup.ByCodeAsync(code, ct) is not ProjectLookup.Found { Project: var p }) return Answer.Invalid($"没有编号为 {code} 的公开项目。");
        if (p.Status != ProjectStatus.Bidding) return Answer.Invalid($"{p.Name}目前处于“{p.StatusLabel}”阶段，不接受投标。");
        if (p.BidDeadline is { } deadline && deadline <= clock.GetUtcNow().UtcDateTime)
            return Answer.Invalid($"{p.Name}的投标已于{ProjectCards.Date(deadline)}截止，不能再投标。");
        context.Set("project", p.Id);
        context.Set("name", p.Name);
        context.Set("budget", p.Budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (context.Frame.Slot("price") is { } price && decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture) > p.Budget) context.Set("price", null);
        return Answer.Accepted;
    }
}
