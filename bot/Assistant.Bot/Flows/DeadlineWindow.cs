using Assistant.Bot.Understanding;

namespace Assistant.Bot.Flows;

/// <summary>The bid-deadline window a message asks about ("下个月截止", "本月截止", "12月10日前截止"), for searches and eligibility.</summary>
public static class DeadlineWindow
{
    /// <summary>"下个月截止" → next month; "本月/这个月" → this month; a date → up to that day. Times in Beijing, sent as UTC.</summary>
    public static (DateTime? From, DateTime? To) Of(Understood input, DateOnly today)
    {
        var text = input.Text;
        if (!text.Contains("截止") && !text.Contains("到期") && input.Date is null) return (null, null);
        DateOnly? start = null, end = null;
        if (text.Contains("下个月") || text.Contains("下月"))
        {
            start = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
            end = start.Value.AddMonths(1).AddDays(-1);
        }
        else if (text.Contains("本月") || text.Contains("这个月"))
        {
            start = today;
            end = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        }
        else if (input.Date is { } date) end = date;
        return (start is { } s ? ChinaTime.ToUtc(s.ToDateTime(TimeOnly.MinValue)) : null,
            end is { } e ? ChinaTime.ToUtc(e.ToDateTime(TimeOnly.MaxValue)) : null);
    }

    /// <summary>How the window reads back in a list heading; null when the message names none.</summary>
    public static string? Describe(Understood input, DateOnly today) => Of(input, today) switch
    {
        (null, null) => null,
        _ when input.Text.Contains("下个月") || input.Text.Contains("下月") => "下个月截止",
        _ when input.Text.Contains("本月") || input.Text.Contains("这个月") => "本月截止",
        (_, { } to) => $"{ChinaTime.From(to):M月d日}前截止",
        _ => null,
    };
}
