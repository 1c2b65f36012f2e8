using Assistant.Api.Evaluations;

namespace Assistant.Api.Tests.Evaluations;

public sealed class EvaluationCalculatorTests
{
    private static readonly EvaluationOptions Options = new();

    private static Dictionary<string, decimal> All(decimal score) => EvaluationCalculator.Indicators.ToDictionary(i => i, _ => score);

    private static EvaluationResult Compute(decimal purchaser, decimal thirdParty, int[] ratings, bool fraud = false,
        EvaluationWeights? weights = null, EvaluationOptions? options = null) =>
        EvaluationCalculator.Compute(new EvaluationInput(weights ?? new EvaluationWeights(), All(purchaser), All(thirdParty), ratings, fraud), options ?? Options);

    [Theory]
    [InlineData(90, "Excellent")]
    [InlineData(89.99, "Good")]
    [InlineData(80, "Good")]
    [InlineData(79.99, "Pass")]
    [InlineData(60, "Pass")]
    [InlineData(59.99, "Fail")]
    public void Grades_follow_the_thresholds(decimal everyScore, string grade)
    {
        // Ten 5-star ratings would be 100; use the recipients' weight 0 so the composite equals the indicator score.
        var result = Compute(everyScore, everyScore, [5, 5, 5, 5, 5, 5, 5, 5, 5, 5], weights: new EvaluationWeights { Purchaser = 50, Recipients = 0, ThirdParty = 50 });
        Assert.Equal(everyScore, result.Composite);
        Assert.Equal(Enum.Parse<EvaluationGrade>(grade), result.Grade);
    }

    [Fact]
    public void The_recipients_score_is_the_mean_rating_times_twenty_and_is_weighted_in()
    {
        int[] ratings = [5, 4, 4, 3, 5, 5, 2, 4, 5, 4, 1];
        var result = Compute(80, 70, ratings);
        var recipients = Math.Round((decimal)ratings.Average() * 20, 2);
        Assert.Equal(recipients, result.RecipientScore);
        Assert.False(result.TooFewRatings);
        Assert.Equal(Math.Round((40 * 80m + 30 * recipients + 30 * 70m) / 100, 2), result.Composite);
        Assert.Equal(30, result.Applied.Recipients);
    }

    [Fact]
    public void Too_few_ratings_are_flagged_and_their_weight_shared_in_proportion_between_the_others()
    {
        var result = Compute(90, 60, [1, 1, 1]);
        Assert.True(result.TooFewRatings);
        Assert.Equal(3, result.RatingCount);
        Assert.Equal(20, result.RecipientScore);
        Assert.Equal(0, result.Applied.Recipients);
        Assert.Equal(Math.Round(40 + 30 * 40m / 70, 2), result.Applied.Purchaser);
        Assert.Equal(100 - result.Applied.Purchaser, result.Applied.ThirdParty);
        Assert.Equal(Math.Round((result.Applied.Purchaser * 90 + result.Applied.ThirdParty * 60) / 100, 2), result.Composite);
    }

    [Fact]
    public void The_minimum_number_of_ratings_comes_from_options()
    {
        int[] three = [5, 5, 5];
        Assert.False(Compute(80, 80, three, options: new EvaluationOptions { MinimumRatings = 3 }).TooFewRatings);
        Assert.True(Compute(80, 80, three, options: new EvaluationOptions { MinimumRatings = 4 }).TooFewRatings);
    }

    [Fact]
    public void Consequences_follow_the_grade_and_a_blacklist_is_proposed_only_for_fail_with_fraud()
    {
        int[] ten = [.. Enumerable.Repeat(5, 10)];
        var excellent = Compute(95, 95, ten);
        Assert.Equal((1m, true, 3m), (excellent.PaymentReleaseShare, excellent.RenewalEligible, excellent.BidPreference));
        var good = Compute(80, 80, [.. Enumerable.Repeat(4, 10)]);
        Assert.Equal((EvaluationGrade.Good, 1m, true, 1m), (good.Grade, good.PaymentReleaseShare, good.RenewalEligible, good.BidPreference));
        var pass = Compute(65, 65, [.. Enumerable.Repeat(3, 10)]);
        Assert.Equal((EvaluationGrade.Pass, 0.8m, false, 0m), (pass.Grade, pass.PaymentReleaseShare, pass.RenewalEligible, pass.BidPreference));
        var fail = Compute(40, 40, [.. Enumerable.Repeat(2, 10)]);
        Assert.Equal((EvaluationGrade.Fail, 0m, false), (fail.Grade, fail.PaymentReleaseShare, fail.RenewalEligible));
        Assert.False(fail.BlacklistProposed);
        Assert.True(Compute(40, 40, [.. Enumerable.Repeat(2, 10)], fraud: true).BlacklistProposed);
        Assert.False(Compute(95, 95, ten, fraud: true).BlacklistProposed);
    }

    [Fact]
    public void Payment_shares_are_configurable()
    {
        var options = new EvaluationOptions();
        options.PaymentRelease[EvaluationGrade.Pass] = 0.5m;
        Assert.Equal(0.5m, Compute(65, 65, [.. Enumerable.Repeat(3, 10)], options: options).PaymentReleaseShare);
    }

    [Fact]
    public void With_all_weight_on_recipients_and_too_few_ratings_there_is_nothing_to_evaluate_on()
    {
        Assert.Throws<InvalidOperationException>(() => Compute(80, 80, [5], weights: new EvaluationWeights { Purchaser = 0, Recipients = 100, ThirdParty = 0 }));
    }

    [Theory]
    [InlineData("2025", "2025-01-01", "2026-01-01")]
    [InlineData("2025-H2", "2025-07-01", "2026-01-01")]
    [InlineData("2025-q3", "2025-07-01", "2025-10-01")]
    [InlineData("2025-07", "2025-07-01", "2025-08-01")]
    [InlineData("contract", "2024-03-15", "2025-03-15")]
    public void Periods_parse_to_half_open_ranges(string text, string start, string end)
    {
        var period = EvaluationPeriod.Parse(text, new DateTime(2024, 3, 15), new DateTime(2025, 3, 15));
        Assert.Equal(DateTime.Parse(start), period!.Start);
        Assert.Equal(DateTime.Parse(end), period.End);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-H3")]
    [InlineData("2025-13")]
    [InlineData("2025-Q0")]
    [InlineData("去年")]
    [InlineData("1850")]
    public void Bad_periods_do_not_parse(string text) => Assert.Null(EvaluationPeriod.Parse(text, DateTime.MinValue, DateTime.MaxValue));
}
