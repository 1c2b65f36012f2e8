namespace Assistant.Api.Evaluations;

/// <summary>The consequences and thresholds of 绩效评价, configurable per deployment (section "Evaluations").</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluations";

    /// <summary>Fewer counted ratings than this in the period: the recipients' part is flagged and its weight redistributed.</summary>
    public int MinimumRatings { get; set; } = 10;

    public EvaluationWeights DefaultWeights { get; set; } = new();

    public decimal ExcellentFrom { get; set; } = 90;
    public decimal GoodFrom { get; set; } = 80;
    public decimal PassFrom { get; set; } = 60;

    /// <summary>Share (0–1) of the evaluation-dependent instalments released per grade.</summary>
    public Dictionary<EvaluationGrade, decimal> PaymentRelease { get; set; } = new()
    {
        [EvaluationGrade.Excellent] = 1m, [EvaluationGrade.Good] = 1m, [EvaluationGrade.Pass] = 0.8m, [EvaluationGrade.Fail] = 0m,
    };

    /// <summary>Points added to the provider's score in future bid evaluation per grade.</summary>
    public Dictionary<EvaluationGrade, decimal> BidPreference { get; set; } = new()
    {
        [EvaluationGrade.Excellent] = 3m, [EvaluationGrade.Good] = 1m, [EvaluationGrade.Pass] = 0m, [EvaluationGrade.Fail] = 0m,
    };

    public List<EvaluationGrade> RenewalEligibleGrades { get; set; } = [EvaluationGrade.Excellent, EvaluationGrade.Good];
}
