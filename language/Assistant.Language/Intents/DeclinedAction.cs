using System.Text.RegularExpressions;

namespace Assistant.Language.Intents;

/// <summary>
/// "我不想投标", "我们不打算注册", "不用提醒了": the user turns an action down. The classifier reads character n-grams,
/// and a refusal has the same words as the request, so without this check "我们不打算注册" started the registration it
/// refused. A refusal is a negator right before an action verb, said as a statement. Questions and conditions about
/// not doing something ("不登记能投标吗", "如果不评价会怎样", "不用登记也能投标") are questions for the policy flow, and
/// "不满意" rates rather than refuses. A refusal with no action named ("不用了", "先不弄了") stays the classifier's
/// cancel.
/// </summary>
public static partial class DeclinedAction
{
    /// <summary>A rule, not a probability: high enough to end a flow from inside a prompt, as a clear "取消" does.</summary>
    public const double Confidence = 0.9;

    private static readonly (string Verbs, string Intent)[] Actions =
    [
        ("登记|注册|入驻", IntentNames.OrgRegister),
        ("投标|竞标|报价|报名|投", IntentNames.BidSubmit),
        ("评价|评分|打分|点评|评", IntentNames.RatingSubmit),
        ("绑定", IntentNames.AccountLink),
        ("提醒", IntentNames.ReminderSet),
        ("延期|延长|推迟", IntentNames.DeadlineExtend),
        ("提问|咨询|澄清", IntentNames.ClarificationAsk),
        ("帮助|帮忙", IntentNames.Help),
    ];

    /// <summary>The refused action's intent and where its words are in <paramref name="normalized"/> (text as <c>TextNormalizer</c> left it).</summary>
    public static (string Intent, int Start, int End)? Find(string normalized)
    {
        if (string.IsNullOrEmpty(normalized) || QuestionOrCondition().IsMatch(normalized)) return null;
        var match = Refusal().Match(normalized);
        if (!match.Success) match = ChangeOfMind().Match(normalized);
        // "我不想登记，我想投标": the refusal only sets up the request that follows, which the classifier reads.
        if (!match.Success || Request().IsMatch(normalized, match.Index + match.Length)) return null;
        var verb = match.Groups["verb"].Value;
        // Every verb the patterns capture is in the table; a verb added to a pattern alone is ignored, not a crash.
        return Actions.FirstOrDefault(a => a.Verbs.Split('|').Contains(verb)).Intent is { } intent
            ? (intent, match.Index, match.Index + match.Length)
            : null;
    }

    // A negator of will ("不想", "不打算", "别"), at most two filler words ("再", "去", "在这里"), then the action. No
    // one-character verbs here: "不要投诉" is not "不要投".
    [GeneratedRegex("(?:不想要|不想|不要|不用|不需要|不打算|不准备|不愿意|不必|没打算|暂时不|暂不|先不|还是不|就不|不再|别)(?:再|去|来|给|做|进行|办理|参加|参与|申请|继续|在这里|在这儿|这次|了){0,2}(?<verb>登记|注册|入驻|投标|竞标|报价|报名|评价|评分|打分|点评|绑定|提醒|延期|延长|推迟|提问|咨询|澄清|帮助|帮忙)")]
    private static partial Regex Refusal();

    // A bare "不" is a refusal only as a change of mind: "不投了", "这个项目不报名了", "不评了".
    [GeneratedRegex("不(?<verb>投标|投|报名|登记|注册|评价|评|绑定|提醒|延期)了")]
    private static partial Regex ChangeOfMind();

    [GeneratedRegex("我想|我要|想要|我们想|我们要|而是|只想|改为|改成")]
    private static partial Regex Request();

    [GeneratedRegex("吗|\\?|？|能不能|可不可以|会不会|行不行|是否|能否|可否|为什么|为何|怎么|如果|假如|要是|万一|的话|后果|影响|难道|不是不|也能|也可以|就能|就可以|才能|才可以|照样|也行|也没关系")]
    private static partial Regex QuestionOrCondition();
}
