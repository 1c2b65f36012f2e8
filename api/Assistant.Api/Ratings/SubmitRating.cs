using System.Text.RegularExpressions;
using Assistant.Api.Infrastructure;

namespace Assistant.Api.Ratings;

/// <summary>POST /api/ratings body (the mobile page's and the bot's).</summary>
public sealed partial record SubmitRating(
    string? Token, string? IdempotencyKey, int Score, Dictionary<string, int>? Dimensions, string? Comment, string? RectificationCaseId)
    : IValidatable
{
    public const int MaxCommentLength = 500;

    public void Validate(ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Token)) errors.Add("token", "缺少评价链接凭证");
        if (string.IsNullOrWhiteSpace(IdempotencyKey)) errors.Add("idempotencyKey", "缺少幂等键 idempotencyKey");
        else if (!KeyShape().IsMatch(IdempotencyKey)) errors.Add("idempotencyKey", "幂等键应为 8–100 位字母、数字或 - _");
        if (Score is < 1 or > 5) errors.Add("score", "评分应在 1（非常不满意）到 5（非常满意）之间");
        foreach (var (name, value) in Dimensions ?? [])
            if (value is < 1 or > 5) errors.Add($"dimensions.{name}", $"“{name}”的评分应在 1 到 5 之间");
        if (Comment is { Length: > MaxCommentLength }) errors.Add("comment", $"留言不能超过{MaxCommentLength}个字");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,100}$")]
    private static partial Regex KeyShape();
}
