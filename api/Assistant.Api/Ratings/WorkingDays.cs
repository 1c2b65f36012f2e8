namespace Assistant.Api.Ratings;

/// <summary>
/// Deadlines in working days, counted on the calendar of the people concerned (Beijing time by default): weekends and
/// configured public holidays do not count, and a deadline ends at 23:59:59 local time.
/// </summary>
public sealed class WorkingDays(IEnumerable<DateOnly> holidays, TimeSpan? utcOffset = null)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];
    private readonly TimeSpan _offset = utcOffset ?? TimeSpan.FromHours(8);

    public static WorkingDays From(RatingOptions options) =>
        new(options.Holidays.Select(h => DateOnly.TryParse(h, out var d) ? d : (DateOnly?)null).OfType<DateOnly>(),
            TimeSpan.FromHours(options.UtcOffsetHours));

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>
    /// The end of the <paramref name="days"/>-th working day after <paramref name="fromUtc"/>'s local date, in UTC:
    /// a case opened on a Friday with 5 days is due at the end of the next Friday.
    /// </summary>
    public DateTime AddWorkingDays(DateTime fromUtc, int days)
    {
        var day = DateOnly.FromDateTime(fromUtc + _offset);
        for (var counted = 0; counted < Math.Max(days, 0);)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(23, 59, 59)) - _offset, DateTimeKind.Utc);
    }
}
