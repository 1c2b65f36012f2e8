using Assistant.Api.Ratings;

namespace Assistant.Api.Tests.Ratings;

public sealed class WorkingDaysTests
{
    // Friday 27 November 2026, 10:30 in Beijing.
    private static readonly DateTime Friday = new(2026, 11, 27, 2, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Five_working_days_from_a_friday_end_on_the_next_friday_at_midnight_beijing_time()
    {
        var due = new WorkingDays([]).AddWorkingDays(Friday, 5);
        Assert.Equal(new DateTime(2026, 12, 4, 15, 59, 59, DateTimeKind.Utc), due);
        Assert.Equal(DayOfWeek.Friday, (due + TimeSpan.FromHours(8)).DayOfWeek);
    }

    [Fact]
    public void The_local_date_decides_the_day_a_complaint_was_made()
    {
        // 17:00 UTC on Friday is already Saturday 01:00 in Beijing: the count starts from Saturday.
        var lateFriday = new DateTime(2026, 11, 27, 17, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.FromDateTime(new WorkingDays([]).AddWorkingDays(lateFriday, 1) + TimeSpan.FromHours(8)));
        Assert.Equal(new DateOnly(2026, 11, 27), DateOnly.FromDateTime(new WorkingDays([], TimeSpan.Zero).AddWorkingDays(lateFriday, 0)));
    }

    [Fact]
    public void Weekends_and_configured_holidays_are_skipped()
    {
        var holidays = WorkingDays.From(new RatingOptions { Holidays = ["2026-12-01", "2026-12-02", "not a date"] });
        Assert.False(holidays.IsWorkingDay(new DateOnly(2026, 11, 28)));
        Assert.False(holidays.IsWorkingDay(new DateOnly(2026, 12, 1)));
        Assert.True(holidays.IsWorkingDay(new DateOnly(2026, 12, 3)));
        // Mon 30, (Tue 1, Wed 2 holidays), Thu 3, Fri 4, Mon 7, Tue 8.
        Assert.Equal(new DateOnly(2026, 12, 8), DateOnly.FromDateTime(holidays.AddWorkingDays(Friday, 5) + TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_saturday_complaint_counts_from_monday()
    {
        var saturday = Friday.AddDays(1);
        Assert.Equal(new DateOnly(2026, 11, 30), DateOnly.FromDateTime(new WorkingDays([]).AddWorkingDays(saturday, 1) + TimeSpan.FromHours(8)));
    }
}
