using System.Globalization;
using Assistant.Api.Accounts;
using Assistant.Api.Bids;
using Assistant.Api.Evaluations;
using Assistant.Api.Organisations;
using Assistant.Api.Ratings;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Policies;

/// <summary>
/// The platform's own rules (anonymity, 差评 deadlines, evaluation weights, grades and their consequences, linking the
/// chat), written from the options the code enforces, so the assistant answers "评价是匿名的吗" and "差评多久要整改"
/// from the rules actually applied and cites them. The five policies say none of this; a hand-written page would drift
/// from the configuration.
/// </summary>
public static class PlatformRules
{
    public const string FileName = "政府购买服务助手平台规则.md";
    public const string Title = "政府购买服务助手平台规则";

    public static string Render(RatingOptions ratings, EvaluationOptions evaluations, AccountLinkOptions links)
    {
        var w = evaluations.DefaultWeights;
        var release = evaluations.PaymentRelease;
        string Share(EvaluationGrade g) => release.GetValueOrDefault(g) switch
        {
            >= 1m => "全额支付",
            <= 0m => "暂不支付",
            var s => $"支付{(s * 100m).ToString("0.##", CultureInfo.InvariantCulture)}%",
        };
        var grades = new[] { EvaluationGrade.Excellent, EvaluationGrade.Good, EvaluationGrade.Pass, EvaluationGrade.Fail };
        var payment = string.Join("；", grades.Select(g => $"{g.Label()}的{Share(g)}"));
        var preference = grades.Where(g => evaluations.BidPreference.GetValueOrDefault(g) > 0)
            .Select(g => $"{g.Label()}的加{evaluations.BidPreference[g].ToString("0.##", CultureInfo.InvariantCulture)}分").ToList();
        var renewal = string.Join("、", evaluations.RenewalEligibleGrades.Select(g => g.Label()));
        return $"""
            {Title}
            本规则由平台根据当前系统配置生成，与平台实际执行的规则一致。
            一、服务对象满意度评价
            （一）怎样评价。服务对象扫描服务人员出示的评价二维码，打开评价页面，在非常满意、满意、一般、不满意、非常不满意五个等级中选择一个，可以附一句留言（不超过{ratings.MaxCommentLength}字）。也可以把扫码打开的链接发给咨询助手，由助手代为提交。每个评价链接（每次服务）只能评价一次，重复提交不会重复计数。网络不好时，评价先保存在手机上，恢复联网后自动发送。评价链接一般{ratings.LinkValidDays}天内有效。
            （二）评价是匿名的。平台不记录评价人的姓名、手机号等身份信息，承接主体（服务机构）看不到是谁作出的评价，给了差评也不会知道是谁。留言会转给承接主体用于改进服务，请不要在留言中写姓名、住址等个人信息。
            （三）差评整改期限。评价为不满意或非常不满意的（差评），平台自动立案，承接主体须在{ratings.RectificationWorkingDays}个工作日内（不含周末和法定节假日）答复并整改，购买主体工作人员跟进；逾期未答复的，列入逾期清单。承接主体答复后，服务对象可以用原来的评价链接对整改情况再作评价。
            二、绩效评价
            （一）评价权重。项目绩效评价由购买主体、服务对象和第三方三方评分加权组成，默认权重为购买主体{w.Purchaser}%、服务对象{w.Recipients}%、第三方{w.ThirdParty}%，购买主体可以为具体项目调整权重（三方合计100%）。
            （二）服务对象评分。服务对象评分取评价期内满意度评价的平均分（非常满意为100分，非常不满意为20分）。满意度评价太少（评价期内不足{evaluations.MinimumRatings}条）的，服务对象评分不计入，其权重按比例分给购买主体和第三方。
            （三）评价等级。综合得分{evaluations.ExcellentFrom}分及以上为优秀，{evaluations.GoodFrom}分及以上为良好，{evaluations.PassFrom}分及以上为合格，{evaluations.PassFrom}分以下为不合格。
            （四）评价结果对付款、续签和投标的影响。与绩效评价挂钩的合同款项：{payment}。评价为{renewal}的承接主体可以续签合同。{(preference.Count > 0 ? $"以后参加投标时，{string.Join("、", preference)}。" : "")}评价结果经发布后向社会公开。
            三、在平台上投标
            （一）投标条件。已在平台登记并通过审核的承接主体（黑名单上的除外），可以对正在投标期内的项目投标；项目对成立年限（如成立满两年）、服务类别、服务区域等有要求的，须符合要求；刚成立的机构可以投不限成立年限的项目。各项目的要求见项目公开页面的“承接主体要求”。
            （二）投标需要提交的材料。在平台上投标需要提交报价（不超过项目预算）和服务方案摘要（不超过{BidSubmission.MaxPlanSummaryLength}字），并声明本机构不在黑名单上、近三年无重大违法记录。项目公告另有要求的，以公告为准。
            （三）截止与回执。每次提交都有回执编号；投标截止前可以重新提交，以最后一次为准；截止后提交的投标不予受理。截止前投标内容保密。
            （四）中标结果。定标后，中标（成交）单位、合同金额和服务期在项目公开页面的“结果公开”一栏公布，绩效评价结果发布后也在那里公布。投标的承接主体可以在“承接机构”页面的“我的投标”里查看是否中标，也可以问咨询助手项目进展到哪一步。
            四、账号绑定与统计报表
            （一）绑定账号。承接主体和工作人员在网页登录后，在“在咨询助手中使用本账号”一栏生成6位绑定码，在聊天中输入“绑定”加绑定码即可。绑定码{links.CodeLifetimeMinutes}分钟内有效，只能使用一次。
            （二）年终统计表。购买主体和财政部门工作人员登录“工作人员”页面，在“年终统计”一栏下载Excel或CSV格式的统计表。
            五、承接主体登记
            （一）怎样登记、要填哪些信息。社会组织、企业和事业单位可以在网页上登记，或者对咨询助手说“我要登记”，一步一步填写：单位全称、统一社会信用代码、法定代表人姓名、联系人手机号、服务类别（指导目录中的类别，最多{RegistrationRules.MaxCategories}个）、服务区域（最多{RegistrationRules.MaxRegions}个）和成立日期。
            （二）统一社会信用代码是什么。统一社会信用代码是单位的18位“身份证号”，印在营业执照或登记证书上。第1位代表发证部门：民政部门为5，市场监管部门为9，机构编制部门为1；第3至8位是行政区划代码；第18位是校验码。代码中不使用字母I、O、S、V、Z。平台逐位核对，填错时会说明是哪一位不对。
            （三）登记审核。提交后状态为待审核，由工作人员审核。审核通过后才可以投标；未通过的，会告知原因，请按原因补正后联系工作人员（同一统一社会信用代码只能登记一次）。在咨询助手中登记的，审核结果在下次对话时告知。
            """;
    }
}
