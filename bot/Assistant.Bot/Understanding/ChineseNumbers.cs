using System.Text.RegularExpressions;

namespace Assistant.Bot.Understanding;

/// <summary>Amounts in yuan: "45万元", "四十五万", "450000元", "1.2亿".</summary>
public static partial class ChineseMoney
{
    public static decimal? Find(string text)
    {
        var m = AmountPattern().Match(text);
        if (!m.Success) return null;
        var number = decimal.TryParse(m.Groups["n"].Value, out var d) ? d : ChineseNumber.Parse(m.Groups["n"].Value);
        if (number is null) return null;
        var unit = m.Groups["u"].Value;
        return number.Value * (unit.StartsWith('亿') ? 100_000_000m : unit.StartsWith('万') ? 10_000m : 1m);
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(?<u>亿元?|万元?|元|块)")]
    private static partial Regex AmountPattern();
}

public static class ChineseNumber
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Chinese numerals below 万 ("四十五", "一百二十", "两千"); null when it is not one.</summary>
    public static decimal? Parse(string text)
    {
        decimal total = 0, current = 0;
        foreach (var ch in text.Replace('两', '二').Replace('〇', '零'))
        {
            var digit = Digits.IndexOf(ch);
            if (digit >= 0) { current = digit; continue; }
            var unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }
}

/// <summary>"3月10日", "2026年3月10日", "明天", "后天", "今天".</summary>
public static partial class ChineseDates
{
    public static DateOnly? Find(string text, DateOnly today)
    {
        if (text.Contains("今天")) return today;
        if (text.Contains("明天")) return today.AddDays(1);
        if (text.Contains("后天")) return today.AddDays(2);
        var m = DatePattern().Match(text);
        if (!m.Success) return null;
        var month = int.Parse(m.Groups["m"].Value);
        var day = int.Parse(m.Groups["d"].Value);
        var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value) : today.Year;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        var date = new DateOnly(year, month, day);
        // "3月10日" said in November means next March.
        return !m.Groups["y"].Success && date < today ? date.AddYears(1) : date;
    }

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})[日号]")]
    private static partial Regex DatePattern();
}

/// <summary>Satisfaction 1–5 from words or "4分"/"4星".</summary>
public static partial class Scores
{
    public static int? Find(string text)
    {
        if (ScorePattern().Match(text) is { Success: true } m) return int.Parse(m.Groups[1].Value);
        if (text.Contains("非常不满意")) return 1;
        if (text.Contains("不满意") || text.Contains("不太好") || text.Contains("太差") || text.Contains("凉了")) return 2;
        if (text.Contains("一般")) return 3;
        if (text.Contains("非常满意")) return 5;
        if (text.Contains("满意")) return 4;
        return null;
    }

    [GeneratedRegex(@"([1-5])\s*(?:分|星)")]
    private static partial Regex ScorePattern();
}
