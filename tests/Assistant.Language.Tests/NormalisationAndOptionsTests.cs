using Assistant.Language.Text;

namespace Assistant.Language.Tests;

[Collection(LanguageCollection.Name)]
public sealed class NormalisationAndOptionsTests(LanguageFixture fixture)
{
    [Theory]
    [InlineData("上虞區預算五十萬以上的居家養老項目", "上虞区预算五十万以上的居家养老项目")]
    [InlineData("ＳＹ－２０２５－００１　截止", "SY-2025-001 截止")]
    [InlineData("𠮷野家 SY-2025-001", "𠮷野家 SY-2025-001")]
    public void Normalising_maps_char_for_char_so_spans_index_the_original(string original, string expected)
    {
        var normalized = TextNormalizer.Normalize(original);
        Assert.Equal(expected, normalized);
        Assert.Equal(original.Length, normalized.Length);
    }

    [Fact]
    public void Every_entity_span_quotes_the_original_traditional_text()
    {
        const string text = "請問上虞區預算不超過五十萬元、下週五之前截止的居家養老項目，SY-2025-001呢";
        var result = fixture.Parse(text);
        Assert.NotEmpty(result.Entities);
        foreach (var e in result.Entities) Assert.Equal(text[e.Start..e.End], e.Text);
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.Region && e.Text == "上虞區");
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.Category && e.Text == "居家養老");
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.Budget && Equals(e.Value, new BudgetRange(null, 500000m)));
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.Deadline && Equals(e.Value, new DateRange(null, new DateOnly(2025, 2, 21))));
        Assert.Contains(result.Entities, e => e.Type == EntityTypes.ProjectCode);
    }

    [Fact]
    public void Relative_dates_use_china_time_not_the_servers()
    {
        // 17:30 UTC on the 12th is 01:30 on the 13th in Shanghai: "明天" is the 14th.
        var time = new FixedTime(new DateTimeOffset(2025, 2, 12, 17, 30, 0, TimeSpan.Zero));
        var language = new LanguageUnderstanding(time: time, classifier: fixture.Classifier);

        var deadline = Assert.Single(language.Parse("明天截止").All(EntityTypes.Deadline));

        Assert.Equal(new DateOnly(2025, 2, 14), deadline.Value);
    }

    [Fact]
    public void A_higher_fallback_threshold_turns_unsure_answers_into_fallback_but_keeps_the_ranking()
    {
        var strict = new LanguageUnderstanding(new LanguageUnderstandingOptions { FallbackThreshold = 0.999 }, classifier: fixture.Classifier);

        var result = strict.Parse("服务合同可以续签吗", LanguageFixture.Today);

        Assert.Equal(IntentNames.Fallback, result.Intent.Name);
        Assert.Equal(result.IntentRanking[0].Confidence, result.Intent.Confidence);
        Assert.NotEqual(IntentNames.Fallback, result.IntentRanking[0].Name);
    }

    [Fact]
    public void Over_long_text_is_cut_to_the_limit_rather_than_failing()
    {
        var result = fixture.Parse(new string('好', 600) + "SY-2025-001");
        Assert.Equal(LanguageUnderstanding.MaxTextLength, result.Text.Length);
        Assert.Empty(result.All(EntityTypes.ProjectCode));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
