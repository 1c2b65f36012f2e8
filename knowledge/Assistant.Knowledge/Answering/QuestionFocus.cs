using System.Text.RegularExpressions;

namespace Assistant.Knowledge.Answering;

/// <summary>
/// What a question asks for: "投标需要哪些材料" asks for 材料, "项目类型有哪些" for 类型. A passage that never mentions
/// it does not answer the question, however many of its other words it shares. Before this check, "投标需要哪些材料"
/// was answered confidently with a passage about the information platform, because the platform publishes 招投标.
/// </summary>
internal static partial class QuestionFocus
{
    // Asked-for words too general to be looked for in an answer ("是什么意思", "有什么要求", "什么情况下").
    private static readonly HashSet<string> General =
        ["意思", "意义", "作用", "情况", "区别", "关系", "方面", "东西", "事项", "内容", "要求", "规定", "时候", "时间", "地方", "办法", "样子", "问题", "措施", "做法"];

    /// <param name="simplified">The question in Simplified script.</param>
    /// <param name="words">The index's word analyzer (segmentation and stopwords).</param>
    public static string? Find(string simplified, Func<string, List<string>> words)
    {
        // The noun after the question word ("哪些材料"); failing that, the subject it asks about ("评标专家有哪些人").
        if (AskedForAfter().Match(simplified) is { Success: true } after && Usable(words(after.Groups["noun"].Value).FirstOrDefault()) is { } noun)
            return noun;
        return AskedAbout().Match(simplified) is { Success: true } before ? Usable(words(before.Groups["noun"].Value).LastOrDefault()) : null;
    }

    private static string? Usable(string? word) => word is { Length: >= 2 } && !General.Contains(word) ? word : null;

    // "哪些材料", "什么责任", "哪几种方式" ("为什么" and "什么是" ask for no noun).
    [GeneratedRegex("(?<!为)(?:哪些|哪几种|哪几类|哪种|哪类|何种|什么)(?!是)(?<noun>[\\u4e00-\\u9fff]{1,4})")]
    private static partial Regex AskedForAfter();

    // "项目类型有哪些", "评标专家有哪些人", "政社分开是什么意思".
    [GeneratedRegex("(?<noun>[\\u4e00-\\u9fff]{2,6})(?:有|包括|是|指)(?:哪些|哪几种|什么)")]
    private static partial Regex AskedAbout();
}
