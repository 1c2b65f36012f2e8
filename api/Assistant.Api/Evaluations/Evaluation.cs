using Assistant.Platform.Storage;

namespace Assistant.Api.Evaluations;

public enum EvaluationGrade
{
    Excellent,     // 优秀
    Good,          // 良好
    Pass,          // 合格
    Fail,          // 不合格
}

/// <summary>
/// 绩效评价 of one contract for one period: purchaser, recipients and third party, weighted (sum 100);
/// the grade decides payment release, renewal, a preference in future selection and, for 不合格 with fraud, a blacklist proposal.
/// </summary>
public sealed class Evaluation : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string ContractId { get; init; }
    public required string ProjectId { get; init; }
    public required string OrganisationId { get; init; }
    public required string Period { get; init; }
    public EvaluationWeights Weights { get; set; } = new();
    /// <summary>Weights used for the composite: equal to <see cref="Weights"/> unless the recipients' share was redistributed.</summary>
    public AppliedWeights AppliedWeights { get; set; } = new();
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }
    public int MinimumRatings { get; set; }
    /// <summary>Amount of the evaluation-dependent instalments released by this grade.</summary>
    public decimal PaymentReleased { get; set; }
    /// <summary>The final evaluation (its period reaches the contract's end) moves the project to Evaluated; interim ones do not.</summary>
    public bool Final { get; set; }
    public string CreatedBy { get; set; } = "";
    public string? PublishedBy { get; set; }
    /// <summary>Indicator scores 0–100: 数量, 质量, 时效, 成本, 社会效益, 经济效益 (服务对象满意度 comes from ratings).</summary>
    public Dictionary<string, decimal> PurchaserIndicators { get; set; } = [];
    public Dictionary<string, decimal> ThirdPartyIndicators { get; set; } = [];
    public decimal? PurchaserScore { get; set; }
    public decimal? ThirdPartyScore { get; set; }
    public decimal? RecipientScore { get; set; }
    public int RatingCount { get; set; }
    public bool TooFewRatings { get; set; }
    public decimal? CompositeScore { get; set; }
    public EvaluationGrade? Grade { get; set; }
    public decimal PaymentReleaseShare { get; set; }
    public bool RenewalEligible { get; set; }
    public decimal FutureBidPreference { get; set; }
    public bool FraudFound { get; set; }
    public bool BlacklistProposed { get; set; }
    public bool Published { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class EvaluationWeights
{
    public int Purchaser { get; set; } = 40;
    public int Recipients { get; set; } = 30;
    public int ThirdParty { get; set; } = 30;
}

public sealed class AppliedWeights
{
    public decimal Purchaser { get; set; }
    public decimal Recipients { get; set; }
    public decimal ThirdParty { get; set; }
}

public static class EvaluationGradeText
{
    public static string Label(this EvaluationGrade grade) => grade switch
    {
        EvaluationGrade.Excellent => "优秀",
        EvaluationGrade.Good => "良好",
        EvaluationGrade.Pass => "合格",
        EvaluationGrade.Fail => "不合格",
        _ => grade.ToString(),
    };
}
