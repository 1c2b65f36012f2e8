using System.Text.RegularExpressions;
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
public sealed partial class ClarificationAskFlow(IProvidersApi providers, ProjectLookup lookup) : IFlow
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
            if (QuestionIn(input.Text.Replace(code, "", StringComparison.OrdinalIgnoreCase)) is { } question) context.Set("question", question);
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
                if (QuestionIn(input.Text) is not { } asked) return Answer.Invalid("请直接输入您的问题，例如“护理员需要持证上岗吗？”");
                context.Set("question", asked);
                break;
            case Steps.Confirm:
                if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交问题。", ct); return Answer.Accepted; }
                if (!input.Is(Intents.Affirm) && input.Text != "确认")
                {
                    // The real question, typed after a preamble was taken for it, replaces it and is confirmed again.
                    if (!AsksSomething().IsMatch(input.Text) || QuestionIn(input.Text) is not { } replaced)
                        return Answer.Rejected("请回答“确认”或“取消”；要改问题，直接输入新的问题。");
                    context.Set("question", replaced);
                    break;
                }
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

    /// <summary>
    /// The question in a message, without a preamble ("我想问一下", "请问"); null when nothing is left but words about
    /// asking ("我想问一下这个项目的问题"), which was once confirmed and submitted as the question itself.
    /// </summary>
    internal static string? QuestionIn(string text)
    {
        var question = Preamble().Replace(text.Trim(), "").Trim(' ', '：', ':', '，', ',', '。', '的');
        return Filler().Replace(question, "").Length >= 4 ? question : null;
    }

    // "这个项目我们想问一下…" too: the project named before the asking words belongs to the preamble, not to the question.
    [GeneratedRegex("^(?:(?:关于)?(?:这个|该|本)?项目的?[，,]?)?(?:(?:我们|我)?(?:想|要)?(?:问一下|问问|问个|咨询一下|咨询|请教一下|请教|提个|提一个|有个|有一个)(?:问题|疑问)?[：:，,]?|请问[：:，,]?)+")]
    private static partial Regex Preamble();

    [GeneratedRegex("关于|有关|这个项目|该项目|本项目|项目|的|问题|疑问|一下|一个|几个|一些|[？?。，,：:！!\\s]")]
    private static partial Regex Filler();

    [GeneratedRegex("[？?]|吗|么|是否|能否|可否|需不需要|要不要|是不是|有没有|能不能|可不可以|多少|哪些|什么|怎么|如何|几")]
    private static partial Regex AsksSomething();

    private async Task<Answer> CheckAsync(FlowContext context, string code, CancellationToken ct)
    {
        if (await lookup.ByCodeAsync(code, ct) is not ProjectLookup.Found { Project: var p }) return Answer.Invalid($"没有编号为 {code} 的公开项目。");
        context.Set("project", p.Id);
        context.Set("name", p.Name);
        return Answer.Accepted;
    }
}
