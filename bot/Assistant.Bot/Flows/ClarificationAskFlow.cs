using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>
/// A provider asks the purchaser a clarification question on an open project. The answer is published to every bidder
/// without the asker's name; questions close at the project's clarification deadline (the API decides, by its clock).
/// </summary>
public sealed class ClarificationAskFlow(IProvidersApi providers, ProjectLookup lookup) : IFlow
{
    public string Intent => Intents.ClarificationAsk;
    public string Help => "澄清提问需要：项目编号（如 SY-2026-001）和您的问题。答复会向所有投标人公开，不会显示提问单位。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (!context.User.IsOrganisation)
        {
            await context.SayAsync("澄清提问需要以承接主体身份进行：请先绑定单位账号（网页登录后生成绑定码，输入“绑定 123456”）。", ct);
            return;
        }
        if (input.ProjectCode is { } code)
        {
            if (await CheckAsync(context, code, ct) is { IsAccepted: false } problem) { await context.SayAsync(problem.Reason!, ct); return; }
            var question = input.Text.Replace(code, "", StringComparison.OrdinalIgnoreCase).Trim(' ', '：', ':', '，', ',', '的');
            if (question.Length >= 6) context.Set("question", question);
        }
        await NextAsync(context, ct);
    }

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        switch (context.Frame.Step)
        {
            case "project":
                if (input.ProjectCode is not { } code) return Answer.Rejected("请输入项目编号，例如 SY-2026-001。");
                if (await CheckAsync(context, code, ct) is { IsAccepted: false } problem) return problem;
                break;
            case "question":
                if (input.Text.Length is < 4 or > 1000) return Answer.Invalid("问题应为4到1000个字。");
                context.Set("question", input.Text);
                break;
            case Steps.Confirm:
                if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交问题。", ct); return Answer.Accepted; }
                if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
                context.End();
                try
                {
                    await providers.AskQuestionAsync(context.Frame.Slot("project")!, new AskQuestionRequest(context.Frame.Slot("question")), ct);
                    await context.SayAsync("问题已提交。购买主体答复后会在项目页面公开，所有投标人都能看到，不会显示提问单位。", ct);
                }
                catch (ApiException e) when ((int)e.StatusCode < 500)
                {
                    await context.SayAsync($"问题没有提交：{ApiProblem.From(e).Sentence()}", ct);
                }
                return Answer.Accepted;
        }
        await NextAsync(context, ct);
        return Answer.Accepted;
    }

    private static async Task NextAsync(FlowContext context, CancellationToken ct)
    {
        if (context.Frame.Slot("project") is null) { await context.PromptAsync("project", "请问是哪个项目？请输入项目编号（如 SY-2026-001）。", ct); return; }
        if (context.Frame.Slot("question") is null) { await context.PromptAsync("question", "请输入您的问题。", ct); return; }
        await context.ConfirmAsync($"请确认：就 {context.Frame.Slot("name")}（{context.Frame.Slot("project")}）提问：“{context.Frame.Slot("question")}”。答复将公开，不显示提问单位。确认提交吗？", ct);
    }

    private async Task<Answer> CheckAsync(FlowContext context, string code, CancellationToken ct)
    {
        if (await lookup.ByCodeAsync(code, ct) is not ProjectLookup.Found { Project: var p }) return Answer.Invalid($"没有编号为 {code} 的公开项目。");
        context.Set("project", p.Id);
        context.Set("name", p.Name);
        return Answer.Accepted;
    }
}
