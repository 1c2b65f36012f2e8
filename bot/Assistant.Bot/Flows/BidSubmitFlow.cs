using System.Globalization;
using System.Net;
using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>
/// Collects a bid (project, price from text like “报价四十五万元”, plan summary), confirms it together with the declaration
/// that the organisation is not excluded, and submits it through the API, which checks everything again at that moment
/// (deadline by the server clock, budget, verification, blacklist). The receipt number is the proof of submission.
/// </summary>
public sealed class BidSubmitFlow(ProjectLookup lookup, IProvidersApi providers, TimeProvider clock) : IFlow
{
    public string Intent => Intents.BidSubmit;
    public string Help => "投标需要：项目编号（如 SY-2026-001）、报价金额（如“报价四十五万元”）和服务方案摘要。只有已绑定账号、通过审核的承接主体可以投标。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (!context.User.IsOrganisation)
        {
            await context.SayAsync("投标需要以承接主体身份进行：请先在网页登录单位账号，生成绑定码后输入“绑定 123456”。没有账号可以先说“我要登记”。", ct);
            return;
        }
        context.Set("submission", Guid.NewGuid().ToString("N"));
        if (input.Money is { } money) context.Set("price", Money(money));
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
                if (input.Money is not { } money || money <= 0) return Answer.Rejected("请输入报价金额，例如“报价四十五万元”或“450000元”。");
                var budget = decimal.Parse(context.Frame.Slot("budget")!, CultureInfo.InvariantCulture);
                if (money > budget) return Answer.Rejected($"报价{ProjectCards.Money(money)}超过了项目预算{ProjectCards.Money(budget)}，请核对。");
                context.Set("price", Money(money));
                break;
            case "plan":
                // Changing only the price: the plan of the bid already submitted stands when the user says so.
                if (context.Frame.Slot("previousPlan") is { } previous && (input.Is(Intents.Affirm) || KeepWords.Any(input.Text.Contains)))
                {
                    context.Set("plan", previous);
                    break;
                }
                if (FreeText.IsQuestionInstead(input)) return Answer.Rejected("这一步请简要说明服务方案，例如“组建10人服务团队，每周上门两次”。");
                if (input.Text.Length is < 4 or > 500) return Answer.Rejected("请用4到500个字简要说明服务方案，例如“组建10人服务团队，每周上门两次”。");
                context.Set("plan", input.Text);
                break;
            case Steps.Confirm:
                if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交投标。", ct); return Answer.Accepted; }
                if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
                context.End();
                await SubmitAsync(context, ct);
                return Answer.Accepted;
        }
        await NextAsync(context, ct);
        return Answer.Accepted;
    }

    private async Task SubmitAsync(FlowContext context, CancellationToken ct)
    {
        var project = context.Frame.Slot("project")!;
        var request = new SubmitBidRequest(decimal.Parse(context.Frame.Slot("price")!, CultureInfo.InvariantCulture), context.Frame.Slot("plan"),
            DeclaredNotExcluded: true, SubmissionId: context.Frame.Slot("submission"));
        try
        {
            var receipt = await providers.SubmitBidAsync(project, request, ct);
            await context.SayAsync(receipt.ReplacedEarlierBid
                ? $"投标已更新。新的回执编号：{receipt.ReceiptNumber}（报价{ProjectCards.Money(receipt.Price)}，原投标已留档）。截止前还可以再修改。"
                : $"投标已受理。回执编号：{receipt.ReceiptNumber}（报价{ProjectCards.Money(receipt.Price)}）。请妥善保存回执编号；截止前还可以修改投标。", ct);
        }
        catch (ApiException e) when ((int)e.StatusCode < 500)
        {
            var problem = ApiProblem.From(e);
            await context.SayAsync(problem.Title == "投标已截止"
                ? $"很抱歉，{problem.Detail}。本次投标没有提交，感谢您的关注，欢迎留意后续项目。"
                : e.StatusCode == HttpStatusCode.Forbidden || e.StatusCode == HttpStatusCode.UnprocessableEntity
                    ? $"投标没有提交：{problem.Sentence()}"
                    : $"投标没有提交：{problem.Sentence()}", ct);
        }
    }

    private async Task NextAsync(FlowContext context, CancellationToken ct)
    {
        if (context.Frame.Slot("project") is null) { await context.PromptAsync("project", "请问要投哪个项目？请输入项目编号（如 SY-2026-001）。", ct); return; }
        if (context.Frame.Slot("price") is not { } price) { await context.PromptAsync("price", "请问报价多少？（例如“报价四十五万元”）", ct); return; }
        if (context.Frame.Slot("plan") is null)
        {
            if (context.Frame.Slot("previousPlan") is { } previous)
                await context.PromptAsync("plan", $"服务方案沿用上次提交的吗？上次：“{previous}”。回复“沿用”，或输入新的服务方案。", ct, "沿用上次的方案");
            else await context.PromptAsync("plan", "请简要说明服务方案（如团队人数、服务频次、服务内容）。", ct);
            return;
        }
        var revision = context.Frame.Slot("previousPrice") is { } before
            ? $"（修改已提交的投标，原报价{ProjectCards.Money(decimal.Parse(before, CultureInfo.InvariantCulture))}）" : "";
        await context.ConfirmAsync(
            $"请确认：投标{revision} {context.Frame.Slot("name")}（{context.Frame.Slot("project")}），报价{ProjectCards.Money(decimal.Parse(price, CultureInfo.InvariantCulture))}，" +
            $"服务方案：{context.Frame.Slot("plan")}。\n提交即声明：本单位未被列入黑名单，近三年无重大违法记录，不存在被禁止参与政府购买服务的情形。确认提交吗？", ct);
    }

    private async Task<Answer> CheckProjectAsync(FlowContext context, string code, CancellationToken ct)
    {
        // A project code is the answer this step expects: a refusal here re-asks rather than switching to a status query.
        if (await lookup.ByCodeAsync(code, ct) is not ProjectLookup.Found { Project: var p }) return Answer.Invalid($"没有编号为 {code} 的公开项目。");
        if (p.BidDeadline is { } deadline && deadline <= clock.GetUtcNow().UtcDateTime && p.Status is ProjectStatus.Bidding or ProjectStatus.EvaluatingBids)
            return Answer.Invalid($"很抱歉，{p.Name}的投标已于{ProjectCards.Date(deadline)}截止，逾期投标不予受理。");
        if (p.Status != ProjectStatus.Bidding) return Answer.Invalid($"{p.Name}目前处于“{p.StatusLabel}”阶段，不接受投标。");
        context.Set("project", p.Id);
        context.Set("name", p.Name);
        context.Set("budget", p.Budget.ToString(CultureInfo.InvariantCulture));
        if (context.Frame.Slot("price") is { } price && decimal.Parse(price, CultureInfo.InvariantCulture) > p.Budget) context.Set("price", null);
        await RememberEarlierBidAsync(context, p.Id, ct);
        return Answer.Accepted;
    }

    /// <summary>A bid already submitted for this project: its price and plan, so a revision need not retype the plan.</summary>
    private async Task RememberEarlierBidAsync(FlowContext context, string projectId, CancellationToken ct)
    {
        try
        {
            var earlier = await providers.GetMyBidAsync(projectId, ct);
            context.Set("previousPrice", Money(earlier.Price));
            context.Set("previousPlan", earlier.PlanSummary);
        }
        // No bid yet (404), or the API will not say: the plan is simply asked for.
        catch (ApiException) { }
    }

    private static readonly string[] KeepWords = ["沿用", "不变", "一样", "同上", "照旧", "上次的"];

    private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
