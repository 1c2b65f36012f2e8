using System.Reflection;
using Assistant.Language.Entities;
using Assistant.Language.Text;
using Xunit.Abstractions;

namespace Assistant.Language.Tests;

/// <summary>
/// The gate may only save time: every utterance we know of must give the same entities with it as without,
/// and every number, amount and date the models find must pass it.
/// </summary>
[Collection(LanguageCollection.Name)]
public sealed class RecognizerGateTests(LanguageFixture fixture, ITestOutputHelper output)
{
    // Phrases the training data hardly has: holidays, "now" words, periods without digits, amounts in words.
    [Theory]
    [InlineData("元旦前交材料", EntityTypes.Date)]
    [InlineData("除夕那天", EntityTypes.Date)]
    [InlineData("清明节之后", EntityTypes.Date)]
    [InlineData("端午的时候", EntityTypes.Date)]
    [InlineData("中秋节前截止", EntityTypes.Deadline)]
    [InlineData("春节之前", EntityTypes.Date)]
    [InlineData("平安夜", EntityTypes.Date)]
    [InlineData("新年以后", EntityTypes.Date)]
    [InlineData("现在有哪些项目", EntityTypes.Date)]
    [InlineData("马上截止的项目", EntityTypes.Deadline)]
    [InlineData("最近的项目", EntityTypes.Date)]
    [InlineData("下周末", EntityTypes.Date)]
    [InlineData("周末之前", EntityTypes.Date)]
    [InlineData("月底截止", EntityTypes.Deadline)]
    [InlineData("两天内", EntityTypes.Date)]
    [InlineData("三个钟头内", EntityTypes.Date)]
    [InlineData("半年内完成", EntityTypes.Date)]
    [InlineData("今年下半年", EntityTypes.Date)]
    [InlineData("今年第三季度的项目", EntityTypes.Date)]
    [InlineData("今晚", EntityTypes.Date)]
    [InlineData("大后天", EntityTypes.Date)]
    [InlineData("下个礼拜一", EntityTypes.Date)]
    [InlineData("春天", EntityTypes.Date)]
    [InlineData("二〇二五年三月", EntityTypes.Date)]
    [InlineData("2025/3/1以后", EntityTypes.Date)]
    [InlineData("五十万元", EntityTypes.Money)]
    [InlineData("一百二十万", EntityTypes.Money)]
    [InlineData("¥300", EntityTypes.Money)]
    [InlineData("￥300", EntityTypes.Money)]
    [InlineData("报价3k", EntityTypes.Money)]
    [InlineData("壹佰万元", EntityTypes.Money)]
    [InlineData("两百块钱", EntityTypes.Money)]
    [InlineData("预算1,000,000元", EntityTypes.Money)]
    [InlineData("1.5亿", EntityTypes.Money)]
    [InlineData("ten 元", EntityTypes.Money)]
    [InlineData("half 元", EntityTypes.Money)]
    public void Tricky_phrases_give_the_same_entities_with_the_gate(string text, string type)
    {
        var ungated = Ungated.Parse(text, LanguageFixture.Today).Entities;
        // The phrase must hold the entity, or the comparison below would prove nothing.
        Assert.Contains(ungated, e => e.Type == type);
        Assert.Equal(ungated, fixture.Parse(text).Entities);
    }

    [Fact]
    public void Every_known_utterance_gives_the_same_entities_with_the_gate_as_without()
    {
        var corpus = Corpus();
        var differences = corpus
            .Select(text => (Text: text, Gated: fixture.Parse(text).Entities, Ungated: Ungated.Parse(text, LanguageFixture.Today).Entities))
            .Where(r => !r.Gated.SequenceEqual(r.Ungated))
            .Select(r => $"{r.Text}: gated [{string.Join("; ", r.Gated)}] ungated [{string.Join("; ", r.Ungated)}]")
            .ToList();
        output.WriteLine($"{corpus.Count} utterances compared");
        Assert.True(corpus.Count > 900, $"only {corpus.Count} utterances: is the data still read?");
        Assert.Empty(differences);
    }

    [Fact]
    public void Every_number_amount_and_date_the_models_find_passes_the_gate()
    {
        // Stronger than comparing entities: it also covers results the extractors drop today. The gate only
        // looks for characters and words, so a result text that passes means any text holding it passes.
        var models = new RecognizerModels(gated: false);
        var reference = LanguageFixture.Today.ToDateTime(TimeOnly.MinValue);
        var missed = new List<string>();
        var found = 0;
        foreach (var text in Corpus().Select(t => TextNormalizer.Normalize(t)))
        {
            foreach (var r in models.Currency.Parse(text).Where(r => r.Resolution?.ContainsKey("value") == true && r.Resolution["value"] is not null))
            {
                found++;
                if (!RecognizerGate.MayHoldAmount(r.Text)) missed.Add($"amount {r.Text} in {text}");
            }
            foreach (var r in models.Number.Parse(text))
            {
                found++;
                if (!RecognizerGate.MayHoldNumber(r.Text)) missed.Add($"number {r.Text} in {text}");
            }
            foreach (var r in models.DateTime.Parse(text, reference))
            {
                found++;
                if (!RecognizerGate.MayHoldDate(r.Text)) missed.Add($"{r.TypeName} {r.Text} in {text}");
            }
        }
        output.WriteLine($"{found} model results checked");
        Assert.True(found > 500, $"only {found} model results: the check proves little");
        Assert.Empty(missed);
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("帮助")]
    [InlineData("取消")]
    [InlineData("查看我的项目")]
    [InlineData("谢谢，没问题")]
    [InlineData("怎么注册机构")]
    [InlineData("有哪些居家养老项目")]
    [InlineData("上虞区夕阳红养老服务中心")]
    public void Plain_texts_run_no_recognizer_model(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        Assert.False(RecognizerGate.MayHoldAmount(normalized));
        Assert.False(RecognizerGate.MayHoldNumber(normalized));
        Assert.False(RecognizerGate.MayHoldDate(normalized));
    }

    [Theory]
    [InlineData("預算３０萬")]
    [InlineData("下週")]
    [InlineData("٣")]
    [InlineData("半打")]
    [InlineData("上个时辰")]
    [InlineData("这会儿")]
    [InlineData("以后时就走")]
    public void Numbers_and_dates_in_any_script_open_the_gate(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        Assert.True(RecognizerGate.MayHoldDate(normalized));
    }

    // Odd readings the comparison must cover too, whatever the models make of them ("以下分类" holds "下分",
    // the minute after now), and vague amounts and periods the models may or may not read.
    private static readonly string[] Oddities =
    [
        "以下分类", "上个时辰", "下一秒", "当下", "这会儿", "此刻", "立刻", "刚才", "几万块", "几天内", "数天内", "个把月",
        "三季度", "上旬", "年底前", "月初", "七夕", "除夕夜", "夕阳红居家养老", "朝夕", "夕会", "重阳节", "国庆节", "圣诞节", "元宵节", "腊月", "正月初一", "农历八月十五",
        "3.15", "2025-03-01", "十二月三十一日", "打对折", "半打", "一半", "3K元", "USD 300", "三百美元", "0.5万元",
        "以后时就走", "延后 时通知", "提前时候", "过去分钟", "未来小时内", "近秒", "下个钟头内", "钟头内",
    ];

    private static readonly Lock UngatedLock = new();
    private static LanguageUnderstanding? _ungated;

    // One instance for the class: building the models costs about a second.
    private LanguageUnderstanding Ungated
    {
        get
        {
            lock (UngatedLock)
                return _ungated ??= new LanguageUnderstanding(new LanguageUnderstandingOptions { GateRecognizers = false }, classifier: fixture.Classifier);
        }
    }

    /// <summary>The training data, the held-out set, every [InlineData] string of this project's tests and the oddities.</summary>
    private static List<string> Corpus()
    {
        var inline = typeof(RecognizerGateTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>().SelectMany(a => a.GetData(m)))
            .SelectMany(row => (row ?? []).OfType<string>());
        return LanguageData.IntentExamples().Select(e => e.Text)
            .Concat(LanguageFixture.HeldOut().Select(e => e.Text))
            .Concat(inline)
            .Concat(Oddities)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Distinct()
            .ToList();
    }
}
