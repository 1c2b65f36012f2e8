using Xunit.Abstractions;

namespace Assistant.Knowledge.Tests.Evaluation;

/// <summary>
/// The quality gate: the question set over the five real documents (ingested by the fixture) must reach
/// top-1 85% and top-3 95%, and no out-of-domain question may get a confident answer.
/// </summary>
public sealed class EvaluationTests(KnowledgeFixture fixture, ITestOutputHelper output) : IClassFixture<KnowledgeFixture>
{
    private static string QuestionsFile => Path.Combine(AppContext.BaseDirectory, "questions.json");

    [Fact]
    public void The_question_set_covers_all_five_documents_traditional_and_out_of_domain_questions()
    {
        var questions = PolicyEvaluation.Load(QuestionsFile);
        Assert.True(questions.Count >= 40);
        foreach (var document in new[] { "jiangbei", "xianning", "shangyu", "anyang", "fangchenggang" })
            Assert.Contains(questions, q => q.Accept.Any(a => a.Document == document));
        Assert.Contains(questions, q => q.Kind == "traditional");
        Assert.Contains(questions, q => q.OutOfDomain);
    }

    [Fact]
    public async Task Answers_reach_top1_85_and_top3_95_percent_with_no_confident_out_of_domain_answer()
    {
        var fileOfTitle = fixture.Ingested.Where(r => r.Succeeded).ToDictionary(r => r.Title!, r => r.FileName);
        Assert.Equal(5, fileOfTitle.Count);

        var report = await PolicyEvaluation.RunAsync(fixture.Knowledge, PolicyEvaluation.Load(QuestionsFile), fileOfTitle);
        output.WriteLine(report.Format());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "policy-eval.txt"), report.Format());

        Assert.True(report.Top1 >= 0.85, $"top-1 {report.Top1:P1} below 85%\n{report.Format()}");
        Assert.True(report.Top3 >= 0.95, $"top-3 {report.Top3:P1} below 95%\n{report.Format()}");
        Assert.All(report.OutOfDomain, o => Assert.False(o.Confident, $"confident answer to out-of-domain question {o.Question.Question}"));
    }
}
