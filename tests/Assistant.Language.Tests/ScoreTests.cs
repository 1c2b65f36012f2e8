namespace Assistant.Language.Tests;

[Collection(LanguageCollection.Name)]
public sealed class ScoreTests(LanguageFixture fixture)
{
    [Theory]
    [InlineData("给服务打五星", 5, "五星")]
    [InlineData("5星好评", 5, "5星")]
    [InlineData("给4分", 4, "4分")]
    [InlineData("我給3分", 3, "3分")]
    [InlineData("满意度评价四星", 4, "四星")]
    [InlineData("评分4.5分", 5, "4.5分")]
    [InlineData("非常满意", 5, "非常满意")]
    [InlineData("非常滿意，謝謝", 5, "非常滿意")]
    [InlineData("这次上门服务很满意", 5, "很满意")]
    [InlineData("比较满意", 4, "比较满意")]
    [InlineData("基本满意吧", 3, "基本满意")]
    [InlineData("服务不满意", 2, "不满意")]
    [InlineData("非常不满意", 1, "非常不满意")]
    [InlineData("满分5分我给4分", 4, "4分")]
    [InlineData("4分", 4, "4分")]
    public void Stated_scores_are_one_to_five_and_not_inferred(string text, int score, string quoted)
    {
        var entity = Assert.Single(fixture.Parse(text).All(EntityTypes.Score));
        Assert.Equal(score, entity.Value);
        Assert.Equal(quoted, entity.Text);
        Assert.False(entity.Inferred);
    }

    [Theory]
    [InlineData("今天的助餐服务不太好，饭菜凉了", 2)]
    [InlineData("今天的助餐服務不太好，飯菜涼了", 2)]
    [InlineData("服务人员没来", 1)]
    [InlineData("送餐员态度很差", 1)]
    [InlineData("阿姨人很好，很耐心，非常好", 4)]
    public void A_complaint_or_praise_without_a_score_gets_an_inferred_one(string text, int score)
    {
        var result = fixture.Parse(text);
        Assert.Equal(IntentNames.RatingSubmit, result.Intent.Name);
        var entity = Assert.Single(result.All(EntityTypes.Score));
        Assert.Equal(score, entity.Value);
        Assert.True(entity.Inferred);
    }

    [Theory]
    [InlineData("十分钟就到了")]
    [InlineData("满意度评价怎么算")]
    [InlineData("第5分册")]
    [InlineData("这个项目的技术部分占5分")]
    [InlineData("查一下SY-2025-001项目的状态")]
    public void Minutes_surveys_and_codes_are_not_scores(string text) =>
        Assert.Empty(fixture.Parse(text).All(EntityTypes.Score));

    [Fact]
    public void Sentiment_words_outside_a_rating_do_not_become_a_score() =>
        Assert.Empty(fixture.Parse("投标需要哪些材料，有问题找谁").All(EntityTypes.Score));
}
