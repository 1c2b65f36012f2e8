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
        "· 查看承接主体的公开评价（如“康乐养老的评分怎么样”）\n" +
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
        "· “康乐养老的评分怎么样”\n" +
        "任何时候输入“取消”可以退出当前事项，输入“帮助”查看说明。";

    public string Intent => Intents.Help;
    public string Help => Text;

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) => context.SayAsync(Text, ct, DialogStack.Menu);

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}

/// <summary>Thanks is answered briefly; it never interrupts anything.</summary>
public sealed partial class ThanksFlow : IFlow
{
    public string Intent => Intents.Thanks;
    public string Help => HelpFlow.Text;

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) =>
        context.SayAsync(Farewell().IsMatch(input.Text) ? "再见，祝您一切顺利！有需要随时来问我。" : "不客气！还有什么可以帮您？", ct);

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);

    [System.Text.RegularExpressions.GeneratedRegex("再见|拜拜|bye", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Farewell();
}

/// <summary>"人工客服": there is no human desk behind the assistant, so it says who can help with what.</summary>
public sealed class HumanFlow : IFlow
{
    public string Intent => Intents.Human;
    public string Help => HelpFlow.Text;

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) => context.SayAsync(
        "我是自动助手，这里没有人工客服。具体项目的问题请联系该项目的购买主体（项目页面上写有购买主体，如上虞区民政局）；" +
        "对服务不满意，可以在评价页面选择“不满意”，会转给服务机构限期整改，并有工作人员回访。", ct, "查一下SY-2025-001项目的状态", "帮助");

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}
