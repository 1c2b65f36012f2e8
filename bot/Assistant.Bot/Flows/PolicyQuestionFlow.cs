using System.Text;
using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>Answers from the policy documents with the source cited; says so when it is not sure.</summary>
public sealed class PolicyQuestionFlow(IPolicyAnswersApi policies) : IFlow
{
    public string Intent => Intents.PolicyQuestion;
    public string Help => "请直接输入您的政策问题，例如“谁可以承接政府购买服务？”。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        PolicyAnswerDto answer;
        try
        {
            answer = await policies.AnswerAsync(input.Text, ct);
        }
        catch (ApiException e) when (ApiFailure.IsNotFound(e))
        {
            await context.SayAsync("政策问答服务暂未开通，暂时无法回答政策问题。您可以查阅当地财政局发布的政府购买服务管理办法，或咨询工作人员。", ct);
            return;
        }
        var suggestions = answer.SuggestedQuestions?.Take(3).ToArray() ?? [];
        if (answer.Answers.Count == 0)
        {
            await context.SayAsync("抱歉，政策文件里没有找到相关规定。建议换个说法，或咨询财政局、购买主体的工作人员。", ct, suggestions);
            return;
        }
        var text = new StringBuilder();
        if (answer.Summary is { Length: > 0 } summary) text.AppendLine(summary);
        if (!answer.Confident) text.AppendLine("我不太确定，下面是可能相关的规定，建议再向工作人员确认：");
        foreach (var passage in answer.Answers.Take(answer.Confident ? 1 : 2))
        {
            text.AppendLine(passage.Text.Length > 300 ? passage.Text[..300] + "……" : passage.Text);
            text.AppendLine($"—— 出处：《{passage.DocumentTitle}》{(passage.DocNumber is { Length: > 0 } n ? $"（{n}）" : "")}{(passage.Section.Length > 0 ? " " + passage.Section : "")}");
        }
        await context.SayAsync(text.ToString().TrimEnd(), ct, suggestions);
    }

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}
