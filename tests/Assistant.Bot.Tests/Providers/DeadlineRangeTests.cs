using Assistant.Bot.Flows;
using Assistant.Bot.Understanding;

namespace Assistant.Bot.Tests.Providers;

public sealed class DeadlineRangeTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void Next_month_means_the_whole_of_next_month_in_beijing_time()
    {
        var (from, to) = DeadlineWindow.Of(new Understood("有没有下个月截止的项目", Intents.ProjectEligible, 0.9), Today);
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), from);
        Assert.Equal(new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc).AddTicks(-1), to);
    }

    [Fact]
    public void A_date_is_an_upper_bound_and_no_deadline_words_mean_no_filter()
    {
        var (from, to) = DeadlineWindow.Of(new Understood("12月10日前截止的", Intents.ProjectEligible, 0.9) { Date = new DateOnly(2026, 12, 10) }, Today);
        Assert.Null(from);
        Assert.Equal(new DateTime(2026, 12, 10, 16, 0, 0, DateTimeKind.Utc).AddTicks(-1), to);
        Assert.Equal((null, null), DeadlineWindow.Of(new Understood("有没有适合我们的项目", Intents.ProjectEligible, 0.9), Today));
    }
}
