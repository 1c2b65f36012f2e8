using Assistant.Contracts.Domain;

namespace Assistant.Language.Tests;

[Collection(LanguageCollection.Name)]
public sealed class CodeTests(LanguageFixture fixture)
{
    private static readonly string Valid = CreditCode.Complete("91330604MA2BDQ8X1");

    [Theory]
    [InlineData("查一下SY-2025-001项目的状态", "SY-2025-001", "SY-2025-001")]
    [InlineData("sy-2025-001签合同了吗", "SY-2025-001", "sy-2025-001")]
    [InlineData("ＳＹ－２０２５－００１的狀態", "SY-2025-001", "ＳＹ－２０２５－００１")]
    [InlineData("AY-2024-0012现在是什么阶段", "AY-2024-0012", "AY-2024-0012")]
    public void Project_codes_are_normalised_and_quoted_as_written(string text, string code, string quoted)
    {
        var result = fixture.Parse(text);
        var entity = Assert.Single(result.All(EntityTypes.ProjectCode));
        Assert.Equal(code, entity.Value);
        Assert.Equal(quoted, entity.Text);
        Assert.Empty(result.All(EntityTypes.Date));
    }

    [Fact]
    public void A_valid_credit_code_has_no_error()
    {
        var entity = Assert.Single(fixture.Parse($"我们的统一社会信用代码是{Valid}").All(EntityTypes.CreditCode));
        Assert.Equal(Valid, entity.Value);
        Assert.Null(entity.Error);
    }

    [Fact]
    public void A_lower_case_full_width_credit_code_is_normalised()
    {
        var fullWidth = new string(Valid.ToLowerInvariant().Select(c => (char)(c + 0xFEE0)).ToArray());
        var entity = Assert.Single(fixture.Parse($"代碼：{fullWidth}").All(EntityTypes.CreditCode));
        Assert.Equal(Valid, entity.Value);
        Assert.Equal(fullWidth, entity.Text);
        Assert.Null(entity.Error);
    }

    [Fact]
    public void A_wrong_check_character_is_reported_with_the_explanation()
    {
        var wrong = Valid[..17] + (Valid[17] == '0' ? '1' : '0');
        var entity = Assert.Single(fixture.Parse($"信用代码{wrong}").All(EntityTypes.CreditCode));
        Assert.Equal("第18位校验码不对，请核对营业执照或登记证书", entity.Error);
    }

    [Fact]
    public void A_credit_code_of_the_wrong_length_is_reported_when_the_user_says_it_is_one()
    {
        var entity = Assert.Single(fixture.Parse("我们的信用代码是91330604MA2BDQ8X").All(EntityTypes.CreditCode));
        Assert.Equal("统一社会信用代码应为18位，您输入了16位", entity.Error);
    }

    [Theory]
    [InlineData("我的电话是13812345678")]
    [InlineData("身份证号110101199003074514")]
    [InlineData("身份證號11010119900307451X")]
    public void Phone_and_id_numbers_are_not_credit_codes(string text) =>
        Assert.Empty(fixture.Parse(text).All(EntityTypes.CreditCode));

    [Theory]
    [InlineData("绑定账号 123456", "123456")]
    [InlineData("我的綁定碼是 102938", "102938")]
    [InlineData("绑定码：884201", "884201")]
    public void Link_codes_are_taken_after_binding_words(string text, string code) =>
        Assert.Equal(code, Assert.Single(fixture.Parse(text).All(EntityTypes.LinkCode)).Value);
}
