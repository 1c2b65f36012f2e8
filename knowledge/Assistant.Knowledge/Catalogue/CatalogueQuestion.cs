using System.Text.RegularExpressions;
using Assistant.Contracts.Text;

namespace Assistant.Knowledge.Catalogue;

public enum CatalogueQuestionKind { None, Subject, ExcludedList, AllowedList }

/// <summary>Recognises "养老服务能不能政府购买", "政府可以购买法律援助吗", "哪些事项不能购买", "哪些服务可以购买".</summary>
public sealed partial record CatalogueQuestion(CatalogueQuestionKind Kind, string? Subject)
{
    public static CatalogueQuestion Parse(string question)
    {
        var q = ChineseScript.ToSimplified(question).Trim().TrimEnd('？', '?', '。', '！', '!', ' ');
        if (ExcludedList().IsMatch(q) || q.Contains("负面清单")) return new(CatalogueQuestionKind.ExcludedList, null);
        if (AllowedList().IsMatch(q)) return new(CatalogueQuestionKind.AllowedList, null);
        // "养老服务能不能政府购买" names the service first; "政府能不能购买养老服务" after the verb.
        foreach (var m in new[] { SubjectFirst().Match(q), VerbFirst().Match(q) })
        {
            if (!m.Success) continue;
            var subject = Filler().Replace(m.Groups["x"].Value, "").Trim();
            if (subject.Length is >= 2 and <= 20) return new(CatalogueQuestionKind.Subject, subject);
        }
        return new(CatalogueQuestionKind.None, null);
    }

    [GeneratedRegex(@"(哪些|什么|哪类|哪几类).{0,8}(不能|不得|不可以|不允许|禁止|不宜|不适合|不能够).{0,6}(购买|买)")]
    private static partial Regex ExcludedList();

    [GeneratedRegex(@"(哪些|什么|哪类|哪几类).{0,8}(可以|能够|能|允许).{0,6}(购买|买)|指导(性)?目录.{0,4}(有哪些|包括|包含)")]
    private static partial Regex AllowedList();

    [GeneratedRegex(@"^(?<x>.{2,24}?)(能不能|可不可以|能否|可否|是否可以|是否能|可以|能)(由)?(政府)?(向社会力量)?(购买|买)")]
    private static partial Regex SubjectFirst();

    [GeneratedRegex(@"(能不能|可不可以|能否|可否|是否可以|可以|能)(向社会力量)?(购买|买)(?<x>.{2,24}?)(吗|么|呢)?$")]
    private static partial Regex VerbFirst();

    [GeneratedRegex(@"^(请问|我想问|问一下)|政府|部门|我们|我|这个|项目$")]
    private static partial Regex Filler();
}
