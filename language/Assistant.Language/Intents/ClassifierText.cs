using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Language.Intents;

/// <summary>
/// What the classifier sees: Simplified, half-width, lower case, with codes and numbers replaced by
/// placeholders so "SY-2025-001" and "SY-2024-017" look alike and digits do not become features.
/// Training and prediction both go through here.
/// </summary>
internal static partial class ClassifierText
{
    [GeneratedRegex(@"[A-Za-z]{2,6}\s*[-–—_]\s*\d{4}\s*[-–—_]\s*\d{2,5}")]
    private static partial Regex ProjectCode();

    [GeneratedRegex(@"[0-9A-Za-z]{15,20}")]
    private static partial Regex LongCode();

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>
    /// Appended when the text has a satisfaction or sentiment word ("满意", "凉了"): one shared feature lets the
    /// classifier learn "opinion → rating" from a few examples instead of every complaint word separately.
    /// </summary>
    internal const string OpinionMarker = " ㊢";

    private static readonly Lazy<string[]> OpinionWords = new(() =>
        LanguageData.Sentiment().Select(s => s.Word).Concat(Entities.ScoreExtractor.Scale.Select(s => s.Word))
            .Where(w => w != "一般") // also "usually": "合同一般签几年" is not an opinion
            .Distinct().ToArray());

    public static string Prepare(string text)
    {
        var t = Text.TextNormalizer.Normalize(text).ToLowerInvariant();
        var opinion = t.Replace("满意度", "", StringComparison.Ordinal);
        if (OpinionWords.Value.Any(w => opinion.Contains(w, StringComparison.Ordinal))) t += OpinionMarker;
        t = ProjectCode().Replace(t, "项目编号");
        t = LongCode().Replace(t, m => m.Value.Any(char.IsAsciiDigit) ? "代码" : m.Value);
        t = Number().Replace(t, "#");
        return Spaces().Replace(t, " ").Trim();
    }
}
