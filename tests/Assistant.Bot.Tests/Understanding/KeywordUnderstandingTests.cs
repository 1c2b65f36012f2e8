using Assistant.Bot.Understanding;

namespace Assistant.Bot.Tests.Understanding;

/// <summary>The rule backstop alone (what the bot runs on without a trained model).</summary>
public sealed class KeywordUnderstandingTests
{
    private static readonly DateOnly Today = new(2025, 2, 12);
    private readonly KeywordUnderstanding _rules = new();

    [Theory]
    [InlineData("我不想投标", Intents.BidSubmit)]
    [InlineData("我們不打算註冊", Intents.OrgRegister)]
    [InlineData("不评了", Intents.RatingSubmit)]
    public void A_refusal_is_a_decline_not_the_refused_request(string text, string declined)
    {
        var understood = _rules.Understand(text, Today);
        Assert.Equal(Intents.Decline, understood.Intent);
        Assert.Equal(declined, understood.Declined);
    }

    [Theory]
    [InlineData("我要投标", Intents.BidSubmit)]
    [InlineData("取消", Intents.Cancel)]
    [InlineData("不登记可以投标吗", Intents.PolicyQuestion)]
    [InlineData("康乐养老的评分怎么样", Intents.ProviderRatings)]
    [InlineData("请问阳光社工的口碑如何？", Intents.ProviderRatings)]
    [InlineData("康樂養老的滿意度高嗎", Intents.ProviderRatings)]
    [InlineData("我要评价", Intents.RatingSubmit)]
    [InlineData("给康乐养老打分", Intents.RatingSubmit)]
    [InlineData("评价如何提交", Intents.PolicyQuestion)]
    public void Requests_cancels_and_questions_keep_their_intent(string text, string intent)
    {
        var understood = _rules.Understand(text, Today);
        Assert.Equal(intent, understood.Intent);
        Assert.Null(understood.Declined);
    }
}
