using Assistant.Api.Infrastructure;

namespace Assistant.Api.Evaluations;

/// <summary>POST /api/contracts/{id}/evaluations body; which indicator sets are required depends on the project's weights (checked in the handler).</summary>
public sealed record CreateEvaluation(
    string? Period, Dictionary<string, decimal>? PurchaserIndicators, Dictionary<string, decimal>? ThirdPartyIndicators, bool FraudFound)
    : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Require("period", Period, "评价期间（如 2025、2025-H1、2025-Q3、2025-07 或 contract）", 20);
        Check(errors, "purchaserIndicators", PurchaserIndicators);
        Check(errors, "thirdPartyIndicators", ThirdPartyIndicators);
    }

    private static void Check(ValidationErrors errors, string field, Dictionary<string, decimal>? indicators)
    {
        foreach (var (name, value) in indicators ?? [])
        {
            if (!EvaluationCalculator.Indicators.Contains(name))
                errors.Add($"{field}.{name}", $"未知指标“{name}”，可用：{string.Join("、", EvaluationCalculator.Indicators)}（服务对象满意度由评价自动计算）");
            else if (value is < 0 or > 100)
                errors.Add($"{field}.{name}", $"指标“{name}”的得分应在 0 到 100 之间");
        }
    }

    /// <summary>Every indicator must be scored by an assessor whose weight counts.</summary>
    public static void RequireAll(ValidationErrors errors, string field, Dictionary<string, decimal>? indicators, string who)
    {
        foreach (var name in EvaluationCalculator.Indicators.Where(i => indicators?.ContainsKey(i) != true))
            errors.Add($"{field}.{name}", $"请填写{who}对“{name}”的评分");
    }
}
