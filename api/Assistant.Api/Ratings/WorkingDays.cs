namespace Assistant.Api.Ratings;

/// <summary>Deadlines in working days: weekends and configured public holidays do not count.</summary>
public sealed class WorkingDays(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public static WorkingDays From(RatingOptions options) =>
        new(options.Holidays.Select(h => DateOnly.TryParse(h, out var d) ? d : (DateOnly?)null).OfType<DateOnly>());

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>
    /// The end (23:59:59 UTC) of the <paramref name="days"/>-th working day after <paramref name="from"/>:
    /// a case opened on Friday with 5 days is due at the end of the next Friday.
    /// </summary>
    public DateTime AddWorkingDays(DateTime from, int days)
    {
        var day = DateOnly.FromDateTime(from);
        for (var counted = 0; counted < Math.Max(days, 0);)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day.ToDateTime(new TimeOnly(23, 59, 59), DateTimeKind.Utc);
    }
}
