namespace Assistant.Api.Evaluations;

public sealed record EvaluationInput(
    EvaluationWeights Weights,
    IReadOnlyDictionary<string, decimal> PurchaserIndicators,
    IReadOnlyDictionary<string, decimal> ThirdPartyIndicators,
    IReadOnlyList<int> RatingScores,
    bool FraudFound);

public sealed record EvaluationResult(
    decimal PurchaserScore, decimal ThirdPartyScore, decimal? RecipientScore, int RatingCount, bool TooFewRatings,
    AppliedWeights Applied, decimal Composite, EvaluationGrade Grade, decimal PaymentReleaseShare, bool RenewalEligible,
    decimal BidPreference, bool BlacklistProposed);

/// <summary>
/// The composite 绩效评价, as a pure function so every rule is tested directly:
/// <list type="bullet">
/// <item>Each assessor's score is the mean of its indicator scores (数量, 质量, 时效, 成本, 社会效益, 经济效益; 0–100).</item>
/// <item>The recipients' score is the mean counted rating × 20 (5 非常满意 = 100; 1 非常不满意 = 20).</item>
/// <item>With fewer ratings than the minimum the recipients' score is not used (flagged TooFewRatings) and their weight
/// is shared between purchaser and third party in proportion to their own weights (40/30/30 → 57.14/0/42.86), so a
/// handful of ratings can neither sink nor carry a provider.</item>
/// <item>Grade: ≥ 90 优秀, ≥ 80 良好, ≥ 60 合格, else 不合格 (thresholds configurable); consequences per grade from options;
/// a blacklist is proposed only for 不合格 with fraud found.</item>
/// </list>
/// </summary>
public static class EvaluationCalculator
{
    public static readonly string[] OutputIndicators = ["数量", "质量", "时效", "成本"];
    public static readonly string[] EffectIndicators = ["社会效益", "经济效益"];
    public static readonly string[] Indicators = [.. OutputIndicators, .. EffectIndicators];

    public static EvaluationResult Compute(EvaluationInput input, EvaluationOptions options)
    {
        var w = input.Weights;
        var purchaser = Mean(input.PurchaserIndicators);
        var thirdParty = Mean(input.ThirdPartyIndicators);
        var count = input.RatingScores.Count;
        decimal? recipients = count == 0 ? null : Round((decimal)input.RatingScores.Average() * 20m);
        var tooFew = count < options.MinimumRatings;

        var applied = new AppliedWeights { Purchaser = w.Purchaser, Recipients = w.Recipients, ThirdParty = w.ThirdParty };
        if (tooFew && w.Recipients > 0)
        {
            var others = w.Purchaser + w.ThirdParty;
            if (others == 0) throw new InvalidOperationException("Recipients carry all the weight and there are too few ratings.");
            applied.Purchaser = Round(w.Purchaser + (decimal)w.Recipients * w.Purchaser / others);
            applied.ThirdParty = Round(100m - applied.Purchaser);
            applied.Recipients = 0;
            if (w.ThirdParty == 0) (applied.Purchaser, applied.ThirdParty) = (100m, 0m);
        }
        var composite = Round((applied.Purchaser * purchaser + applied.Recipients * (recipients ?? 0) + applied.ThirdParty * thirdParty) / 100m);
        var grade = composite >= options.ExcellentFrom ? EvaluationGrade.Excellent
            : composite >= options.GoodFrom ? EvaluationGrade.Good
            : composite >= options.PassFrom ? EvaluationGrade.Pass
            : EvaluationGrade.Fail;
        return new EvaluationResult(purchaser, thirdParty, recipients, count, tooFew, applied, composite, grade,
            options.PaymentRelease.GetValueOrDefault(grade), options.RenewalEligibleGrades.Contains(grade),
            options.BidPreference.GetValueOrDefault(grade), grade == EvaluationGrade.Fail && input.FraudFound);
    }

    private static decimal Mean(IReadOnlyDictionary<string, decimal> indicators) =>
        indicators.Count == 0 ? 0 : Round(indicators.Values.Average());

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
