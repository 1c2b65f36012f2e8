using Assistant.Language.Intents;
using Xunit.Abstractions;

namespace Assistant.Language.Tests;

[Collection(LanguageCollection.Name)]
public sealed class IntentAccuracyTests(LanguageFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Held_out_set_is_large_enough_covers_every_intent_and_includes_traditional()
    {
        var heldOut = LanguageFixture.HeldOut();
        var trained = LanguageData.IntentExamples().Select(e => e.Intent).ToHashSet();

        Assert.True(heldOut.Count >= 60, $"only {heldOut.Count} held-out utterances");
        Assert.Empty(trained.Except(heldOut.Select(e => e.Intent)));
        Assert.Empty(heldOut.Select(e => e.Intent).Except(trained));
        Assert.True(heldOut.Count(e => Contracts.Text.ChineseScript.HasTraditional(e.Text)) >= 10);
    }

    [Fact]
    public void Held_out_utterances_never_appear_in_the_training_data_even_after_script_normalisation()
    {
        var training = LanguageData.IntentExamples().Select(e => ClassifierText.Prepare(e.Text)).ToHashSet();
        var leaked = LanguageFixture.HeldOut().Where(e => training.Contains(ClassifierText.Prepare(e.Text))).Select(e => e.Text).ToList();
        Assert.Empty(leaked);
    }

    [Fact]
    public void Intent_accuracy_on_the_held_out_set_is_at_least_90_percent()
    {
        var heldOut = LanguageFixture.HeldOut();
        var outcomes = heldOut.Select(e => (Example: e, Result: fixture.Parse(e.Text))).ToList();
        var wrong = outcomes.Where(o => o.Result.Intent.Name != o.Example.Intent).ToList();
        var accuracy = 1.0 - (double)wrong.Count / heldOut.Count;

        output.WriteLine($"Intent accuracy {accuracy:P1} ({heldOut.Count - wrong.Count}/{heldOut.Count})");
        output.WriteLine("Confusions (expected → got: count):");
        foreach (var g in wrong.GroupBy(o => $"{o.Example.Intent} → {o.Result.Intent.Name}").OrderByDescending(g => g.Count()))
            output.WriteLine($"  {g.Key}: {g.Count()}");
        output.WriteLine("Misclassified:");
        foreach (var (example, result) in wrong)
            output.WriteLine($"  {example.Text}: expected {example.Intent}, got {result.Intent.Name} ({result.Intent.Confidence:F2}); next {result.IntentRanking.Skip(1).FirstOrDefault()?.Name}");
        output.WriteLine("Per-intent recall:");
        foreach (var g in outcomes.GroupBy(o => o.Example.Intent).OrderBy(g => g.Key))
            output.WriteLine($"  {g.Key}: {g.Count(o => o.Result.Intent.Name == g.Key)}/{g.Count()}");

        Assert.True(accuracy >= 0.9, $"accuracy {accuracy:P1}:\n{string.Join("\n", wrong.Select(w => $"{w.Example.Text} → {w.Result.Intent.Name}"))}");
    }

    [Fact]
    public void Traditional_and_simplified_forms_of_one_sentence_get_the_same_intent()
    {
        var simplified = fixture.Parse("这个项目的服务期限是多久");
        var traditional = fixture.Parse("這個項目的服務期限是多久");

        Assert.Equal(IntentNames.ClarificationAsk, simplified.Intent.Name);
        Assert.Equal(simplified.Intent.Name, traditional.Intent.Name);
        Assert.Equal(simplified.Intent.Confidence, traditional.Intent.Confidence, 3);
    }

    [Theory]
    [InlineData("路灯维护项目现在进展到哪一步了", IntentNames.ProjectStatus)]
    [InlineData("查一下SY-2025-001项目的状态", IntentNames.ProjectStatus)]
    [InlineData("居家养老服务项目签合同了吗", IntentNames.ProjectStatus)]
    [InlineData("本月有哪些项目待评价", IntentNames.ProjectStatus)]
    [InlineData("哪些项目超过截止日期还没定标", IntentNames.ProjectStatus)]
    [InlineData("有没有适合我们的项目", IntentNames.ProjectEligible)]
    [InlineData("上虞区有什么项目可以报名", IntentNames.ProjectEligible)]
    [InlineData("绑定账号 123456", IntentNames.AccountLink)]
    [InlineData("我们局今年的购买计划审核到哪了", IntentNames.PlanStatus)]
    [InlineData("把SY-2025-001的投标截止时间延长到3月10日", IntentNames.DeadlineExtend)]
    [InlineData("提醒我明天截止的项目", IntentNames.ReminderSet)]
    [InlineData("今天的助餐服务不太好，饭菜凉了", IntentNames.RatingSubmit)]
    public void Issue_examples_get_their_intent(string text, string intent)
    {
        var result = fixture.Parse(text);
        Assert.Equal(intent, result.Intent.Name);
        Assert.InRange(result.Intent.Confidence, 0.3, 1.0);
    }

    [Theory]
    [InlineData("这个项目的投标截止时间是什么时候")]
    [InlineData("SY-2025-001的报名截止日期是哪天")]
    public void Asking_for_a_deadline_is_not_a_request_to_move_it(string text) =>
        Assert.Equal(IntentNames.ProjectStatus, fixture.Parse(text).Intent.Name);

    [Theory]
    [InlineData("有哪些项目下个月截止")]
    [InlineData("本月截止的项目有哪些")]
    public void Asking_which_projects_close_when_is_a_search(string text) =>
        Assert.Equal(IntentNames.ProjectSearch, fixture.Parse(text).Intent.Name);

    [Theory]
    [InlineData("养老服务补贴标准是多少")]
    [InlineData("助餐补贴标准是多少")]
    public void A_subsidy_standard_is_a_policy_question_not_one_for_a_project_s_purchaser(string text) =>
        Assert.Equal(IntentNames.PolicyQuestion, fixture.Parse(text).Intent.Name);

    [Fact]
    public void Ranking_is_sorted_and_its_probabilities_sum_to_at_most_one()
    {
        var ranking = fixture.Parse("投标需要哪些材料").IntentRanking;
        Assert.Equal(ranking.OrderByDescending(i => i.Confidence).Select(i => i.Name), ranking.Select(i => i.Name));
        Assert.InRange(ranking.Sum(i => i.Confidence), 0.3, 1.0001);
        Assert.Equal(ranking.Count, ranking.Select(i => i.Name).Distinct().Count());
    }

    [Fact]
    public void Empty_text_is_a_fallback_with_no_entities_not_an_exception()
    {
        var result = fixture.Parse("   ");
        Assert.Equal(IntentNames.Fallback, result.Intent.Name);
        Assert.Empty(result.Entities);
    }
}
