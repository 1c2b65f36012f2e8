using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;

namespace Assistant.Language.Entities;

/// <summary>
/// Dates and date ranges from the Recognizers' datetime model, resolved against "today", taking the
/// reading nearest today when the year is not said ("3月10日" in February is this March). A date tied to 截止/到期
/// becomes a deadline. Ranges are inclusive: "下个月" → the 1st to the last day of next month.
/// </summary>
internal static partial class DateExtractor
{
    // The model gives no resolution for "下个月截止" / "明天截止": these words are blanked before it runs.
    [GeneratedRegex("截止|截至|到期|为止|截标")]
    private static partial Regex DeadlineWord();

    [GeneratedRegex(@"(\d{1,2}|[一二三四五六七八九十]{1,3})月(底|末)|(本月|这个月|月)(底|末)|(今年|年)(底|末)")]
    private static partial Regex EndOf();

    [GeneratedRegex(@"^[\d\s]+$")]
    private static partial Regex DigitsOnly();

    // "截止时间是2025年3月15日", "截至3月1日", "3月1日前截止": the date is the deadline itself.
    [GeneratedRegex(@"(截止|截至|到期|截标)(时间|日期)?(是|为|到|至|在|于)?\s*$")]
    private static partial Regex DeadlineBefore();

    [GeneratedRegex(@"^\s*(之?前)?\s*(截止|截至|到期|截标|为止)")]
    private static partial Regex DeadlineAfter();

    [GeneratedRegex(@"^\(.*,.*,P\d+(?<unit>[YMWD])\)$")]
    private static partial Regex ExplicitRange();

    public static void Extract(ExtractionContext context, RecognizerModels models)
    {
        var masked = context.Masked;
        var forModel = (char[])masked.Clone();
        foreach (Match m in DeadlineWord().Matches(context.MaskedText)) Text.TextNormalizer.Mask(forModel, m.Index, m.Index + m.Length);

        var found = new List<(object Value, int Start, int End)>();
        foreach (Match m in EndOf().Matches(context.MaskedText))
        {
            found.Add((EndOfValue(m, context.Today), m.Index, m.Index + m.Length));
            Text.TextNormalizer.Mask(forModel, m.Index, m.Index + m.Length);
        }

        var reference = context.Today.ToDateTime(TimeOnly.MinValue);
        foreach (var r in models.ParseDateTime(new string(forModel), reference))
        {
            var (start, end) = (r.Start, r.End + 1);
            if (DigitsOnly().IsMatch(r.Text) || context.Overlaps(start, end)) continue;
            if (Resolve(r, context.Today, context.After(end, 1) == "内") is { } value) found.Add((value, start, end));
        }

        foreach (var (value, start, end) in found.OrderBy(f => f.Start))
        {
            var deadline = IsDeadline(context, start, end);
            context.Add(deadline ? EntityTypes.Deadline : EntityTypes.Date, value, start, end);
        }
    }

    private static bool IsDeadline(ExtractionContext context, int start, int end) =>
        DeadlineAfter().IsMatch(context.After(end, 6)) || DeadlineBefore().IsMatch(context.Before(start, 8));

    private static object EndOfValue(Match m, DateOnly today)
    {
        if (m.Groups[5].Success) return new DateOnly(today.Year, 12, 31);
        var month = m.Groups[1].Success ? ParseMonth(m.Groups[1].Value) : today.Month;
        var year = month < today.Month ? today.Year + 1 : today.Year;
        return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    }

    private static int ParseMonth(string text) =>
        int.TryParse(text, out var n) ? Math.Clamp(n, 1, 12)
        : Math.Clamp(text switch { "十" => 10, "十一" => 11, "十二" => 12, _ => "一二三四五六七八九".IndexOf(text[0]) + 1 }, 1, 12);

    private static object? Resolve(ModelResult r, DateOnly today, bool within)
    {
        if (r.Resolution?.TryGetValue("values", out var raw) != true || raw is not IEnumerable<Dictionary<string, string>> list) return null;
        var values = list.ToList();
        if (values.Count == 0) return null;
        // An unanchored "3月10日" comes back as last year's and this year's (or this and next): the reading
        // nearest today is what people mean (in February, "3月10日" is next month and "2月1日" last week).
        var chosen = values.MinBy(v => Last(v) is { } d ? Math.Abs(d.DayNumber - today.DayNumber) : int.MaxValue)!;
        var type = chosen.GetValueOrDefault("type");
        var mod = chosen.GetValueOrDefault("Mod");
        switch (type)
        {
            case "date" or "datetime":
                return Day(chosen.GetValueOrDefault("value"));
            case "daterange" or "datetimerange":
                var start = Day(chosen.GetValueOrDefault("start"));
                var end = Day(chosen.GetValueOrDefault("end"));
                if (mod is "before" or "until") return new DateRange(null, end ?? start);
                if (mod is "after" or "since") return new DateRange(start ?? end, null);
                var timex = chosen.GetValueOrDefault("timex") ?? "";
                // "今年" comes back as the year so far; a user asking about this year means all of it.
                if (timex.Length == 4 && int.TryParse(timex, out var year)) return new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                // The model's ends are exclusive for calendar units (a month ends on the 1st of the next)...
                var range = ExplicitRange().Match(timex);
                if (!range.Success) return new DateRange(start, end?.AddDays(-1));
                // ...but a user's "1日到15日" includes the 15th and "3月到6月" includes June.
                return range.Groups["unit"].Value switch
                {
                    "M" when end is { Day: 1 } e => new DateRange(start, e.AddMonths(1).AddDays(-1)),
                    "Y" when end is { Month: 1, Day: 1 } e => new DateRange(start, new DateOnly(e.Year, 12, 31)),
                    _ => new DateRange(start, end),
                };
            case "duration" when within && double.TryParse(chosen.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var seconds):
                return new DateRange(today, today.AddDays((int)Math.Ceiling(seconds / 86400)));
            default:
                return null;
        }
    }

    private static DateOnly? Last(Dictionary<string, string> v) => Day(v.GetValueOrDefault("value")) ?? Day(v.GetValueOrDefault("end")) ?? Day(v.GetValueOrDefault("start"));

    private static DateOnly? Day(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
