namespace Assistant.Language.Tests;

[Collection(LanguageCollection.Name)]
public sealed class DeclineTests(LanguageFixture fixture)
{
    [Theory]
    [InlineData("我不想投标", IntentNames.BidSubmit, "不想投标")]
    [InlineData("这个项目我们不投了", IntentNames.BidSubmit, "不投了")]
    [InlineData("我们不打算注册", IntentNames.OrgRegister, "不打算注册")]
    [InlineData("暂时不登记了，谢谢", IntentNames.OrgRegister, "暂时不登记")]
    [InlineData("我們不想在這裡登記", IntentNames.OrgRegister, "不想在這裡登記")]
    [InlineData("我不想评价", IntentNames.RatingSubmit, "不想评价")]
    [InlineData("不评了", IntentNames.RatingSubmit, "不评了")]
    [InlineData("不用再提醒我了", IntentNames.ReminderSet, "不用再提醒")]
    [InlineData("截止时间先不延长了", IntentNames.DeadlineExtend, "先不延长")]
    [InlineData("不需要帮助", IntentNames.Help, "不需要帮助")]
    [InlineData("别绑定了", IntentNames.AccountLink, "别绑定")]
    public void A_refused_action_is_a_decline_naming_the_action(string text, string action, string quoted)
    {
        var result = fixture.Parse(text);
        Assert.Equal(IntentNames.Decline, result.Intent.Name);
        var declined = Assert.Single(result.All(EntityTypes.DeclinedAction));
        Assert.Equal(action, declined.Value);
        Assert.Equal(quoted, declined.Text);
    }

    [Theory]
    [InlineData("不登记能投标吗")]
    [InlineData("如果不评价会怎样")]
    [InlineData("不用登记也能投标")]
    [InlineData("为什么我们不能投标")]
    [InlineData("哪些事项不能购买")]
    [InlineData("服务不满意")]
    [InlineData("非常不满意，饭菜凉了")]
    [InlineData("哪些项目超过截止日期还没定标")]
    [InlineData("不超过50万的养老项目")]
    [InlineData("别忘了提醒我明天截止的项目")]
    [InlineData("我要投标")]
    [InlineData("不用了")]
    [InlineData("先不弄了")]
    [InlineData("我不想登记，我想投标")]
    public void Questions_conditions_complaints_and_plain_cancels_are_not_declines(string text) =>
        Assert.NotEqual(IntentNames.Decline, fixture.Parse(text).Intent.Name);

    [Fact]
    public void A_declined_rating_gets_no_inferred_score() =>
        Assert.Empty(fixture.Parse("服务太差了，我不想评价").All(EntityTypes.Score));
}
