using System.Text.RegularExpressions;
using Assistant.Contracts.Text;
using Assistant.Language.Intents;

namespace Assistant.Bot.Understanding;

/// <summary>
/// A small rule-based recogniser: enough for the flows to run on their own, and the fallback when no trained model is
/// registered. Rules are ordered: the first that matches wins. Works on Simplified text (Traditional is converted first).
/// </summary>
public sealed partial class KeywordUnderstanding : IUnderstanding
{
    // "评分怎么样" and its variants, a question about how a provider is rated; ProviderRatingsFlow strips the same
    // words off the provider's name.
    internal const string RatedAspect = "(评分|评价|满意度|满意率|好评率?|口碑|星级)(情况|结果|统计)?";
    internal const string HowIsIt = "(怎么样|怎样|如何|咋样|多少|高吗|高不高|好吗|好不好|是多少)";
    internal const string QuestionEnd = "[吗呢啊呀]?[？?。！!]*$";

    // Compiled: every turn runs these (the interpreter was about 1 % of the bot's CPU under load).
    private static readonly (string Intent, Regex Pattern)[] Rules =
    [
        (Intents.Cancel, new(@"^(取消|算了|不用了|退出|不办了|停止)[。！!]*$", RegexOptions.Compiled)),
        (Intents.RatingSubmit, new(@"rating\.html\?", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        (Intents.AccountLink, new(@"(绑定|綁定)\s*\d{6}", RegexOptions.Compiled)),
        (Intents.Help, new(@"^(帮助|help|\?|？)$|你能做什么|能做些什么|怎么用|有什么功能|能帮我什么", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        (Intents.Greeting, new(@"^(你好|您好|hi|hello|嗨|早上好|下午好|晚上好)[啊呀！!。]*$", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        (Intents.Thanks, new(@"^(谢谢|多谢|感谢|再见|拜拜|bye)", RegexOptions.IgnoreCase | RegexOptions.Compiled)),
        (Intents.Human, new(@"人工|真人|客服|打电话|联系电话|找工作人员", RegexOptions.Compiled)),
        (Intents.Affirm, new(@"^(是|是的|对|对的|确认|确定|好|好的|可以|没问题|嗯)[。！!]*$", RegexOptions.Compiled)),
        (Intents.Deny, new(@"^(不|不是|否|不对|不要|不行|先不)[。！!]*$", RegexOptions.Compiled)),
        // Asking how a provider is rated, not rating it: before the rating words below claim "评价".
        (Intents.ProviderRatings, new(RatedAspect + HowIsIt + QuestionEnd, RegexOptions.Compiled)),
        (Intents.DeadlineExtend, new(@"(延长|延期|推迟).*(截止|时间)|(截止|时间).*(延长|延期|推迟)", RegexOptions.Compiled)),
        (Intents.ReminderSet, new(@"提醒我", RegexOptions.Compiled)),
        (Intents.PlanStatus, new(@"(购买|采购)计划|计划.*(审核|批准|批了|退回)|预算额度", RegexOptions.Compiled)),
        (Intents.ProjectStatus, new(@"进展|到哪一?步|状态|签合同了|签约了|定标了|中标了|待评价|还没定标|超过截止|逾期", RegexOptions.Compiled)),
        (Intents.BidSubmit, new(@"我要投标|我想投标|投标报价|报价.*万|我们报价|提交投标|参与投标", RegexOptions.Compiled)),
        (Intents.RatingSubmit, new(@"我要评价|评价一下|给.*打分|非常满意|不满意|很满意|差评|不太好|太差|凉了|[1-5一二两三四五]\s*颗?星|满分|rating\.html\?", RegexOptions.Compiled)),
        // "成为承接主体需要什么条件" asks about the rules; only a wish to register starts the form.
        (Intents.OrgRegister, new(@"^(?!.*(条件|资格|要求|什么|哪些|区别|吗|？|\?)).*((要|想|申请|怎么)登记|注册|入驻|成为承接主体|登记.*(组织|机构|单位))", RegexOptions.Compiled)),
        (Intents.PolicyQuestion, new(@"政策|规定|需要哪些|要哪些|什么材料|能不能|可不可以|可以.*吗|条件|流程|怎么|如何|是什么|什么是|多久|几天|负面清单|指导目录", RegexOptions.Compiled)),
        (Intents.ProjectSearch, new(@"项目|招标|可以报名|养老|助餐|安保|社工|预算", RegexOptions.Compiled)),
    ];

    private static readonly string[] Regions = ["上虞区", "江北区", "安阳市", "防城港市", "咸宁市"];

    public Understood Understand(string text, DateOnly today)
    {
        var simplified = ChineseScript.ToSimplified((text ?? "").Trim());
        var projectCode = ProjectCodePattern().Match(simplified) is { Success: true } m ? m.Value.ToUpperInvariant() : null;
        var declined = DeclinedAction.Find(simplified);
        var (intent, confidence) = Rules.FirstOrDefault(r => r.Pattern.IsMatch(simplified)) is { Intent: not null } rule
            ? (rule.Intent, 0.9)
            : projectCode is not null ? (Intents.ProjectStatus, 0.8) : (Intents.Fallback, 0.0);
        // "我不想投标" holds the words of "我想投标": a refusal is checked before the rules that would start the flow.
        if (declined is not null && intent != Intents.Cancel) (intent, confidence) = (Intents.Decline, DeclinedAction.Confidence);
        var money = ChineseMoney.Find(simplified);
        var above = money is not null && AbovePattern().IsMatch(simplified);
        var below = money is not null && BelowPattern().IsMatch(simplified);
        return new Understood(simplified, intent, confidence)
        {
            ProjectCode = projectCode,
            LinkCode = LinkCodePattern().Match(simplified) is { Success: true } l ? l.Groups[1].Value : null,
            Money = money,
            BudgetMin = above ? money : null,
            BudgetMax = below ? money : null,
            Date = ChineseDates.Find(simplified, today),
            Region = Regions.FirstOrDefault(r => simplified.Contains(r) || simplified.Contains(r[..^1])),
            Score = Scores.Find(simplified),
            CreditCode = CreditCodePattern().Match(simplified) is { Success: true } c ? c.Value.ToUpperInvariant() : null,
            Declined = declined?.Intent,
        };
    }

    [GeneratedRegex(@"\b[A-Za-z]{2,4}-\d{4}-\d{3}\b")]
    private static partial Regex ProjectCodePattern();

    [GeneratedRegex(@"(?:绑定)\s*(\d{6})")]
    private static partial Regex LinkCodePattern();

    [GeneratedRegex(@"超过|以上|大于|高于|不低于|起")]
    private static partial Regex AbovePattern();

    [GeneratedRegex(@"以下|以内|不超过|低于|小于|少于")]
    private static partial Regex BelowPattern();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}(?![0-9A-Za-z])")]
    private static partial Regex CreditCodePattern();
}
