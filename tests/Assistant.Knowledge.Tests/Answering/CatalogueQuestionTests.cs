using Assistant.Knowledge.Catalogue;

namespace Assistant.Knowledge.Tests.Answering;

public sealed class CatalogueQuestionTests
{
    [Theory]
    [InlineData("养老服务能不能政府购买？", CatalogueQuestionKind.Subject, "养老服务")]
    [InlineData("政府能不能购买基础设施建设？", CatalogueQuestionKind.Subject, "基础设施建设")]
    [InlineData("政府可以购买法律援助吗", CatalogueQuestionKind.Subject, "法律援助")]
    [InlineData("校園安保服務可不可以政府購買", CatalogueQuestionKind.Subject, "校园安保服务")]
    [InlineData("哪些事项不能购买？", CatalogueQuestionKind.ExcludedList, null)]
    [InlineData("哪些項目不得納入政府購買服務範圍？", CatalogueQuestionKind.ExcludedList, null)]
    [InlineData("负面清单有哪些", CatalogueQuestionKind.ExcludedList, null)]
    [InlineData("哪些服务可以购买？", CatalogueQuestionKind.AllowedList, null)]
    [InlineData("承接主体有哪些条件？", CatalogueQuestionKind.None, null)]
    [InlineData("今天天气怎么样", CatalogueQuestionKind.None, null)]
    public void Recognises_catalogue_questions(string question, CatalogueQuestionKind kind, string? subject)
    {
        var parsed = CatalogueQuestion.Parse(question);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(subject, parsed.Subject);
    }

    [Fact]
    public void A_subject_is_placed_by_its_longest_matching_keyword_not_by_the_first_item_sharing_a_word()
    {
        var facts = new CatalogueSnapshot(
        [
            new CatalogueFact("居家养老服务", "基本公共服务", ["养老", "居家养老"]),
            new CatalogueFact("绩效评价与第三方评估", "政府履职辅助性事项", ["第三方评估", "等级评定"]),
        ], [], "目录");
        var verdict = CatalogueVerdict.For(CatalogueQuestion.Parse("养老机构等级评定能不能政府购买"), facts);
        Assert.Contains("绩效评价与第三方评估", verdict!.Summary);
        Assert.Contains("居家养老服务", CatalogueVerdict.For(CatalogueQuestion.Parse("居家养老能不能政府购买"), facts)!.Summary);
    }
}
