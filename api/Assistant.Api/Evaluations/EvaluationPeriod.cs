using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Api.Evaluations;

/// <summary>
/// An evaluation period as written by staff: "2025" (year), "2025-H1", "2025-Q3", "2025-07" (month), or "contract"
/// (the whole contract term). Ratings count when submitted in [Start, End).
/// </summary>
public sealed partial record EvaluationPeriod(string Name, DateTime Start, DateTime End)
{
    public static EvaluationPeriod? Parse(string? text, DateTime contractStart, DateTime contractEnd)
    {
        var t = text?.Trim() ?? "";
        if (t.Equals("contract", StringComparison.OrdinalIgnoreCase) || t == "合同期")
            return new("contract", contractStart, contractEnd);
        var m = Shape().Match(t);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) return null;
        var kind = m.Groups["m"].Success ? "M" : m.Groups["k"].Value.ToUpperInvariant();
        var digits = m.Groups["m"].Success ? m.Groups["m"].Value : m.Groups["n"].Value;
        var n = digits.Length > 0 ? int.Parse(digits, CultureInfo.InvariantCulture) : 0;
        var (startMonth, months) = kind switch
        {
            "" => (1, 12),
            "H" when n is 1 or 2 => ((n - 1) * 6 + 1, 6),
            "Q" when n is >= 1 and <= 4 => ((n - 1) * 3 + 1, 3),
            "M" when n is >= 1 and <= 12 => (n, 1),
            _ => (0, 0),
        };
        if (months == 0) return null;
        var start = new DateTime(year, startMonth, 1, 0, 0, 0, DateTimeKind.Utc);
        var name = kind switch { "" => $"{year}", "M" => $"{year}-{n:00}", _ => $"{year}-{kind}{n}" };
        return new(name, start, start.AddMonths(months));
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<k>[HhQq])(?<n>\d)|-(?<m>\d{2}))?$")]
    private static partial Regex Shape();
}
