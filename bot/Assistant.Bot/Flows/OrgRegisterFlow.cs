using System.Text.RegularExpressions;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Domain;

namespace Assistant.Bot.Flows;

/// <summary>
/// Walks a provider through registration one question at a time, checking the 统一社会信用代码 as it is typed.
/// Submission is not available to the bot yet: the flow says so and points to the registration page instead of pretending.
/// </summary>
public sealed partial class OrgRegisterFlow(ProjectCards cards) : IFlow
{
    public string Intent => Intents.OrgRegister;
    public string Help => "登记需要：单位名称、统一社会信用代码（18位，见营业执照或登记证书）、联系人手机号。";

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) =>
        context.PromptAsync("name", "好的，我们一步一步来登记承接主体。请问单位的全称是什么？", ct);

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        switch (context.Frame.Step)
        {
            case "name":
                if (input.Text.Length is < 4 or > 60) return Answer.Rejected("单位全称应为4到60个字。");
                context.Set("name", input.Text);
                await context.PromptAsync("code", "请输入18位统一社会信用代码。", ct);
                return Answer.Accepted;
            case "code":
                var check = CreditCode.Check(input.CreditCode ?? input.Text);
                if (!check.IsValid)
                {
                    // Something code-like is a wrong code (explain it); anything else may be a question asked in between.
                    var codeLike = input.CreditCode is not null || CodeLike().IsMatch(input.Text);
                    return codeLike ? Answer.Invalid(check.Error ?? "统一社会信用代码不正确。") : Answer.Rejected(check.Error ?? "统一社会信用代码不正确。");
                }
                context.Set("code", check.Code);
                context.Set("kind", check.Kind?.Label());
                await context.PromptAsync("phone", $"代码核对无误（{check.Kind?.Label() ?? "单位"}）。请输入联系人手机号。", ct);
                return Answer.Accepted;
            case "phone":
                if (!PhonePattern().IsMatch(input.Text)) return Answer.Rejected("手机号应为11位数字，以1开头。");
                context.Set("phone", input.Text);
                await context.ConfirmAsync($"请确认：{context.Frame.Slot("name")}，统一社会信用代码 {context.Frame.Slot("code")}，联系人手机 {input.Text}。信息正确吗？", ct);
                return Answer.Accepted;
            case Steps.Confirm:
                return await ConfirmedAsync(context, input, ct);
        }
        return Answer.Accepted;
    }

    private async Task<Answer> ConfirmedAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交。需要时可以重新开始登记。", ct); return Answer.Accepted; }
        if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
        context.End();
        var page = cards.Page("org.html");
        await context.SayAsync($"信息已核对无误，但聊天里暂时还不能直接提交登记，尚未为您登记。请在登记页面提交（已核对的信息可直接填写）：{page}", ct);
        return Answer.Accepted;
    }

    [GeneratedRegex(@"^[0-9A-Za-z\s-]{4,}$")]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex PhonePattern();
}
