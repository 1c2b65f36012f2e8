using System.Text.RegularExpressions;
using Assistant.Knowledge.Ingest;
using Assistant.Knowledge.Search;

namespace Assistant.Knowledge.Answering;

/// <summary>
/// Follow-up and "您是不是想问…" questions, made from section headings (sections are indexed, so asking one finds
/// that section again): the neighbours of the answering section, then the sections of the runner-up passages.
/// </summary>
internal static partial class FollowUps
{
    public static IReadOnlyList<string> After(IReadOnlyList<RankedPassage> ranked, SectionOutline outline, int count = 3)
    {
        var suggestions = new List<string>();
        if (ranked.Count == 0) return suggestions;
        var best = ranked[0].Passage;
        var sections = outline.Of(best.DocumentId);
        var at = sections.ToList().IndexOf(best.Section);
        var neighbours = at < 0 ? [] : new[] { at + 1, at - 1, at + 2 }.Where(i => i >= 0 && i < sections.Count).Select(i => sections[i]);
        foreach (var section in neighbours.Concat(ranked.Skip(1).Select(r => r.Passage.Section)))
            Add(suggestions, section, best.Section, count);
        return suggestions;
    }

    /// <summary>When not confident: the sections the best guesses come from, as questions.</summary>
    public static IReadOnlyList<string> Alternatives(IReadOnlyList<RankedPassage> ranked, int count = 3)
    {
        var suggestions = new List<string>();
        foreach (var r in ranked) Add(suggestions, r.Passage.Section, null, count);
        return suggestions;
    }

    public static string? QuestionFor(string section)
    {
        if (section == PolicySplitter.NoSection) return null;
        // Our own wording, so in Simplified even when the heading is Traditional; asking it finds the section either way.
        var label = Assistant.Contracts.Text.ChineseScript.ToSimplified(Numbering().Replace(section.Split(" › ")[^1], "").Trim('。', '，', ',', ' ', '：', ':'));
        if (label.Length < 2) return null;
        return $"关于“{label}”有哪些规定？";
    }

    private static void Add(List<string> suggestions, string section, string? except, int count)
    {
        if (suggestions.Count >= count || section == except) return;
        if (QuestionFor(section) is { } q && !suggestions.Contains(q)) suggestions.Add(q);
    }

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[．.、]|[一二三四五六七八九十]是)")]
    private static partial Regex Numbering();
}
