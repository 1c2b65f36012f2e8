namespace Assistant.Language.Tests;

[Collection(LanguageCollection.Name)]
public sealed class MoneyAndBudgetTests(LanguageFixture fixture)
{
    [Theory]
    [InlineData("五十万元", 500000, "五十万元")]
    [InlineData("报价四十五万元", 450000, "四十五万元")]
    [InlineData("報價四十五萬元", 450000, "四十五萬元")]
    [InlineData("我们的报价是120万元", 1200000, "120万元")]
    [InlineData("合同金额1989.68万元", 19896800, "1989.68万元")]
    [InlineData("报价450000", 450000, "450000")]
    [InlineData("投标报价¥380000", 380000, "¥380000")]
    [InlineData("我们愿意以29.8万元承接", 298000, "29.8万元")]
    [InlineData("報個價，四十二萬", 420000, "四十二萬")]
    public void Amounts_are_in_yuan_and_quote_the_original_text(string text, double yuan, string quoted)
    {
        var money = Assert.Single(fixture.Parse(text).All(EntityTypes.Money));
        Assert.Equal((decimal)yuan, money.Value);
        Assert.Equal(quoted, money.Text);
        Assert.Equal(quoted, text[money.Start..money.End]);
    }

    [Theory]
    [InlineData("评分4.5分")]
    [InlineData("给4分")]
    [InlineData("全年服务5万人次")]
    [InlineData("服务对象有300人")]
    [InlineData("查一下SY-2025-001项目的状态")]
    public void Scores_counts_and_codes_are_not_money(string text) =>
        Assert.Empty(fixture.Parse(text).All(EntityTypes.Money));

    [Fact]
    public void A_large_amount_in_wan_is_not_also_read_as_a_date()
    {
        var result = fixture.Parse("合同金额1989.68万元");
        Assert.Empty(result.All(EntityTypes.Date));
    }

    [Theory]
    [InlineData("预算五十万以上的项目", 500000, null)]
    [InlineData("预算超过50万", 500000, null)]
    [InlineData("预算不低于20万元的养老项目", 200000, null)]
    [InlineData("預算不超過30萬元的項目", null, 300000)]
    [InlineData("预算在20万以内", null, 200000)]
    [InlineData("预算低于一百万的项目", null, 1000000)]
    [InlineData("100万到200万之间的项目", 1000000, 2000000)]
    [InlineData("项目预算在30万-50万之间", 300000, 500000)]
    [InlineData("预算30~50万", 300000, 500000)]
    [InlineData("預算三十萬到五十萬", 300000, 500000)]
    [InlineData("预算1亿至1.5亿元", 100000000, 150000000)]
    [InlineData("预算50万", 500000, 500000)]
    [InlineData("10万元以下的项目", null, 100000)]
    public void Budget_bounds_carry_their_direction(string text, int? min, int? max)
    {
        var budget = Assert.Single(fixture.Parse(text).All(EntityTypes.Budget));
        Assert.Equal(new BudgetRange((decimal?)min, (decimal?)max), budget.Value);
    }

    [Fact]
    public void A_bid_amount_without_budget_words_is_money_but_no_budget()
    {
        var result = fixture.Parse("报价四十五万元");
        Assert.Single(result.All(EntityTypes.Money));
        Assert.Empty(result.All(EntityTypes.Budget));
    }
}
