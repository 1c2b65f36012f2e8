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

    public static string Prepare(string text)
    {
        var t = Text.TextNormalizer.Normalize(text).ToLowerInvariant();
        t = ProjectCode().Replace(t, "项目编号");
        t = LongCode().Replace(t, m => m.Value.Any(char.IsAsciiDigit) ? "代码" : m.Value);
        t = Number().Replace(t, "#");
        return Spaces().Replace(t, " ").Trim();
    }
}
