using System.Text.RegularExpressions;
using Assistant.Contracts.Domain;

namespace Assistant.Language.Entities;

/// <summary>Project codes (SY-2025-001), 统一社会信用代码 (valid or not) and account-link codes.</summary>
internal static partial class CodeExtractor
{
    [GeneratedRegex(@"(?<![A-Za-z0-9])([A-Za-z]{2,6})\s*[-–—_]\s*(\d{4})\s*[-–—_]\s*(\d{2,5})(?![0-9])")]
    private static partial Regex ProjectCode();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[0-9A-Za-z]{15,20}(?![A-Za-z0-9])")]
    private static partial Regex CreditCodeCandidate();

    [GeneratedRegex(@"(绑定码|绑定账号|绑定帐号|绑定|验证码|账号|帐号|口令)\D{0,6}?(?<![0-9])(\d{4,8})(?![0-9])")]
    private static partial Regex LinkCode();

    private static readonly string[] CreditCodeCues = ["信用代码", "社会信用", "代码", "执照"];

    public static void Extract(ExtractionContext context)
    {
        foreach (Match m in ProjectCode().Matches(context.Normalized))
        {
            var code = $"{m.Groups[1].Value.ToUpperInvariant()}-{m.Groups[2].Value}-{m.Groups[3].Value}";
            context.Add(EntityTypes.ProjectCode, code, m.Index, m.Index + m.Length);
        }

        foreach (Match m in CreditCodeCandidate().Matches(context.MaskedText))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            if (digits < 6) continue;
            // An 18-character run is a credit code attempt; other lengths only when the user says it is one,
            // so that a phone number is not "explained" as a wrong credit code.
            var before = context.Before(m.Index, 12);
            if (before.Contains("身份证", StringComparison.Ordinal)) continue;
            var cued = CreditCodeCues.Any(c => before.Contains(c, StringComparison.Ordinal));
            if (m.Length != 18 && !cued) continue;
            if (m.Length == 18 && digits == 18 && !cued && !LooksLikeCreditCode(m.Value)) continue;
            var check = CreditCode.Check(m.Value);
            context.Add(new Entity(EntityTypes.CreditCode, check.Code, context.Original.Substring(m.Index, m.Length), m.Index, m.Index + m.Length)
            {
                Error = check.Error,
            });
        }

        var link = LinkCode().Match(context.MaskedText);
        if (link.Success)
        {
            var g = link.Groups[2];
            context.Add(EntityTypes.LinkCode, g.Value, g.Index, g.Index + g.Length);
        }
    }

    /// <summary>An all-digit 18-character run could be an ID card number; only take it when its check character holds.</summary>
    private static bool LooksLikeCreditCode(string value) => CreditCode.Check(value).IsValid;
}
