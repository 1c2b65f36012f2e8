using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Flows;

public sealed class GreetingFlow : IFlow
{
    public string Intent => Intents.Greeting;
    public string Help => HelpFlow.Text;

    public static IActivity Welcome() => Replies.Text(
        "您好！我是政府购买服务助手。我可以：\n" +
        "· 查找可以报名的项目（如“上虞区有哪些养老项目”）\n" +
        "· 查询项目进展（如“查一下SY-2025-001项目的状态”）\n" +
        "· 解答政策问题（如“谁可以承接政府购买服务？”）\n" +
        "· 指导社会组织登记、投标和服务评价\n" +
        "工作人员和社会组织可以输入“绑定 + 6位绑定码”关联账号。",
        DialogStack.Menu);

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) => context.SendAsync(Welcome(), ct);

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}

public sealed class HelpFlow : IFlow
{
    public const string Text =
        "您可以直接用一句话告诉我要做什么，例如：\n" +
        "· “上虞区有什么项目可以报名？” “预算超过50万的养老项目”\n" +
        "· “路灯维护项目现在进展到哪一步了” “哪些项目超过截止日期还没定标”\n" +
        "· “政府购买服务的负面清单有哪些？”\n" +
        "· “我们想登记成为承接主体” “我要投标” “我要评价服务”\n" +
        "任何时候输入“取消”可以退出当前事项，输入“帮助”查看说明。";

    public string Intent => Intents.Help;
    public string Help => Text;

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) => context.SayAsync(Text, ct, DialogStack.Menu);

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}

/// <summary>Thanks is answered briefly; it never interrupts anything.</summary>
public sealed class ThanksFlow : IFlow
{
    public string Intent => Intents.Thanks;
    public string Help => HelpFlow.Text;

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) => context.SayAsync("不客气！还有什么可以帮您？", ct);

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}
