namespace Assistant.Language.Tests;

/// <summary>Today is Wednesday 2025-02-12 (LanguageFixture.Today).</summary>
[Collection(LanguageCollection.Name)]
public sealed class DateTests(LanguageFixture fixture)
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025年3月1日前提交", null, "2025-03-01", "2025年3月1日前")]
    [InlineData("下周五之前", null, "2025-02-21", "下周五之前")]
    [InlineData("下週五之前", null, "2025-02-21", "下週五之前")]
    [InlineData("本月有哪些项目待评价", "2025-02-01", "2025-02-28", "本月")]
    [InlineData("2025年3月1日到3月15日的项目", "2025-03-01", "2025-03-15", "2025年3月1日到3月15日")]
    [InlineData("三天内要交材料", "2025-02-12", "2025-02-15", "三天")]
    [InlineData("我们局今年的购买计划", "2025-01-01", "2025-12-31", "今年")]
    [InlineData("今年3月到6月的项目", "2025-03-01", "2025-06-30", "今年3月到6月")]
    public void Ranges_are_inclusive_with_open_ends_for_before(string text, string? start, string? end, string quoted)
    {
        var date = Assert.Single(fixture.Parse(text).All(EntityTypes.Date));
        Assert.Equal(new DateRange(start is null ? null : D(start), end is null ? null : D(end)), date.Value);
        Assert.Equal(quoted, date.Text);
    }

    [Theory]
    [InlineData("把SY-2025-001的投标截止时间延长到3月10日", "2025-03-10", "3月10日")]
    [InlineData("记得提醒我3月1日交材料", "2025-03-01", "3月1日")]
    [InlineData("截止時間改到2025年3月31日", "2025-03-31", "2025年3月31日")]
    [InlineData("帮我把截止日期推迟到3月底", "2025-03-31", "3月底")]
    [InlineData("月底前交", "2025-02-28", "月底")]
    [InlineData("下周五提醒我", "2025-02-21", "下周五")]
    [InlineData("2月1日发布的项目", "2025-02-01", "2月1日")]
    public void Single_days_prefer_the_coming_date_and_ignore_code_digits(string text, string iso, string quoted)
    {
        var date = Assert.Single(fixture.Parse(text).All(EntityTypes.Date));
        Assert.Equal(D(iso), date.Value);
        Assert.Equal(quoted, date.Text);
    }

    [Theory]
    [InlineData("下个月截止的项目", "2025-03-01", "2025-03-31", "下个月")]
    [InlineData("下個月截止的項目", "2025-03-01", "2025-03-31", "下個月")]
    [InlineData("本周截止的项目有哪些", "2025-02-10", "2025-02-16", "本周")]
    [InlineData("上个月截止的项目有哪些", "2025-01-01", "2025-01-31", "上个月")]
    public void A_period_tied_to_a_closing_word_is_a_deadline_range(string text, string start, string end, string quoted)
    {
        var result = fixture.Parse(text);
        var deadline = Assert.Single(result.All(EntityTypes.Deadline));
        Assert.Equal(new DateRange(D(start), D(end)), deadline.Value);
        Assert.Equal(quoted, deadline.Text);
        Assert.Empty(result.All(EntityTypes.Date));
    }

    [Theory]
    [InlineData("投标截止时间是2025年3月15日", "2025-03-15")]
    [InlineData("截至3月1日", "2025-03-01")]
    [InlineData("2月28日截止", "2025-02-28")]
    [InlineData("報名截止日期為3月20日", "2025-03-20")]
    public void A_day_named_as_the_closing_date_is_a_deadline(string text, string iso) =>
        Assert.Equal(D(iso), Assert.Single(fixture.Parse(text).All(EntityTypes.Deadline)).Value);

    [Fact]
    public void The_new_date_in_an_extension_request_is_a_date_not_the_current_deadline()
    {
        var result = fixture.Parse("把SY-2025-001的投标截止时间延长到3月10日");
        Assert.Empty(result.All(EntityTypes.Deadline));
        Assert.Equal(D("2025-03-10"), Assert.Single(result.All(EntityTypes.Date)).Value);
    }

    [Fact]
    public void Tomorrow_closing_is_a_deadline_day()
    {
        var deadline = Assert.Single(fixture.Parse("提醒我明天截止的项目").All(EntityTypes.Deadline));
        Assert.Equal(D("2025-02-13"), deadline.Value);
    }

    [Fact]
    public void Relative_dates_follow_the_given_today()
    {
        var later = fixture.Language.Parse("明天截止", new DateOnly(2026, 12, 31));
        Assert.Equal(new DateOnly(2027, 1, 1), Assert.Single(later.All(EntityTypes.Deadline)).Value);
    }
}
