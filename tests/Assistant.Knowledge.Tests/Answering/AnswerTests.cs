using Assistant.Contracts.Text;

namespace Assistant.Knowledge.Tests.Answering;

/// <summary>Answers over the five ingested documents: citations, script, confidence, catalogue questions, follow-ups.</summary>
public sealed class AnswerTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    [Fact]
    public async Task A_policy_question_gets_the_cited_passage_with_title_doc_number_and_section()
    {
        var answer = await fixture.Knowledge.AnswerAsync("招标限额以下的项目可以用什么方式购买？");
        Assert.True(answer.Confident);
        var best = answer.Answers[0];
        Assert.Contains("对招标限额以下的项目", best.Text);
        Assert.Equal("关于推进政府购买服务的实施意见", best.DocumentTitle);
        Assert.Equal("江北府办〔2015〕109号", best.DocNumber);
        Assert.EndsWith("3．选择购买方式", best.Section);
        Assert.InRange(answer.Answers.Count, 1, 3);
        Assert.True(answer.Answers.Zip(answer.Answers.Skip(1)).All(p => p.First.Score >= p.Second.Score), "best first");
    }

    [Fact]
    public async Task Traditional_questions_find_simplified_text_and_traditional_text_is_quoted_as_written()
    {
        var traditionalQuestion = await fixture.Knowledge.AnswerAsync("承接政府購買服務的主體有哪些？");
        Assert.Contains("承接政府购买服务的主体包括", traditionalQuestion.Answers[0].Text);

        var traditionalDocument = await fixture.Knowledge.AnswerAsync("防城港市怎样建立项目库管理制度？");
        Assert.True(traditionalDocument.Confident);
        Assert.Contains("項目庫管理制度", traditionalDocument.Answers[0].Text);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("今天天氣怎麼樣？")]
    [InlineData("推荐一部好看的电影")]
    [InlineData("？？？")]
    public async Task Out_of_domain_questions_are_not_answered_confidently(string question)
    {
        var answer = await fixture.Knowledge.AnswerAsync(question);
        Assert.False(answer.Confident);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Empty_questions_get_an_empty_unconfident_answer(string? question)
    {
        var answer = await fixture.Knowledge.AnswerAsync(question);
        Assert.False(answer.Confident);
        Assert.Empty(answer.Answers);
    }

    [Fact]
    public async Task An_overlong_question_is_refused_without_an_exception()
    {
        var answer = await fixture.Knowledge.AnswerAsync(new string('购', 5000));
        Assert.False(answer.Confident);
    }

    [Fact]
    public async Task Catalogue_question_about_an_allowed_service_says_yes_and_cites_a_document()
    {
        var answer = await fixture.Knowledge.AnswerAsync("养老服务能不能政府购买？");
        Assert.True(answer.Confident);
        Assert.StartsWith("可以", answer.Summary);
        Assert.Contains("养老", ChineseScript.ToSimplified(answer.Answers[0].Text));
    }

    [Theory]
    [InlineData("融资项目可以政府购买吗？", "融资")]
    [InlineData("政府能不能购买基础设施建设？", "基础设施")]
    public async Task Catalogue_question_about_an_excluded_matter_says_no(string question, string matter)
    {
        var answer = await fixture.Knowledge.AnswerAsync(question);
        Assert.Contains("不能", answer.Summary);
        Assert.Contains(matter, answer.Summary);
        Assert.Contains(answer.Answers, a => ChineseScript.ToSimplified(a.Text).Contains(matter));
    }

    [Fact]
    public async Task Which_matters_cannot_be_bought_lists_the_excluded_matters_and_cites_the_rule()
    {
        var answer = await fixture.Knowledge.AnswerAsync("哪些事项不能购买？");
        Assert.True(answer.Confident);
        foreach (var matter in new[] { "国家安全", "保密", "司法", "基础设施", "融资", "聘用人员" })
            Assert.Contains(matter, answer.Summary);
        Assert.Contains(answer.Answers, a => a.Text.Contains("不得") || a.Text.Contains("不适合"));
    }

    [Fact]
    public async Task A_service_the_catalogue_does_not_name_is_not_invented()
    {
        var answer = await fixture.Knowledge.AnswerAsync("宇宙飞船发射能不能政府购买？");
        Assert.False(answer.Confident);
        Assert.Contains("没有找到", answer.Summary);
    }

    [Fact]
    public async Task Confident_answers_offer_two_or_three_follow_ups_that_are_themselves_answerable()
    {
        var answer = await fixture.Knowledge.AnswerAsync("购买服务经费可以分阶段支付吗？");
        Assert.True(answer.Confident);
        Assert.InRange(answer.SuggestedQuestions.Count, 2, 3);
        foreach (var followUp in answer.SuggestedQuestions)
            Assert.True((await fixture.Knowledge.AnswerAsync(followUp)).Confident, followUp);
    }

    [Fact]
    public async Task Unsure_answers_offer_the_top_alternatives_as_questions()
    {
        var answer = await fixture.Knowledge.AnswerAsync("政府购买服务的飞机场怎么管？");
        Assert.False(answer.Confident);
        Assert.NotEmpty(answer.Answers);
        Assert.NotEmpty(answer.SuggestedQuestions);
    }
}
