using System.Text.RegularExpressions;
using Assistant.Bot.Understanding;

namespace Assistant.Bot.Flows;

/// <summary>
/// Which of the projects offered after "您指的是哪一个？" an answer means: its code, its place in the list ("第二个",
/// "2"), or words only some names hold ("2025年度那个", "助餐的"). Several left means the answer narrowed the choice.
/// </summary>
public static partial class ProjectChoice
{
    public sealed record Option(string Id, string Name);

    public static IReadOnlyList<Option> Match(string text, string? code, IReadOnlyList<Option> offered)
    {
        if (code is not null) return offered.Where(o => o.Id == code).DefaultIfEmpty(new Option(code, "")).ToList();
        var words = Filler().Replace(text, "");
        if (Ordinal().Match(words) is { Success: true } m
            && (int.TryParse(m.Groups[1].Value, out var n) ? n : (int?)ChineseNumber.Parse(m.Groups[1].Value)) is { } place)
            return place >= 1 && place <= offered.Count ? [offered[place - 1]] : [];
        if (words.Length < 2) return [];
        var scored = offered.Select(o => (Option: o, Score: LongestSharedRun(words, o.Name))).ToList();
        var best = scored.Max(s => s.Score);
        // One shared character says nothing ("的", "区"); a run every name shares does not choose.
        if (best < 2) return [];
        var chosen = scored.Where(s => s.Score == best).Select(s => s.Option).ToList();
        return chosen.Count == offered.Count ? [] : chosen;
    }

    public static string Encode(IEnumerable<Option> options) => string.Join("\n", options.Select(o => $"{o.Id}\t{o.Name}"));

    public static IReadOnlyList<Option> Decode(string? slot) =>
        (slot ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 2)).Select(p => new Option(p[0], p.Length > 1 ? p[1] : "")).ToList();

    private static int LongestSharedRun(string a, string b)
    {
        var best = 0;
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < b.Length; j++)
            {
                var k = 0;
                while (i + k < a.Length && j + k < b.Length && a[i + k] == b[j + k]) k++;
                best = Math.Max(best, k);
            }
        return best;
    }

    [GeneratedRegex(@"^第?(\d{1,2}|[一二两三四五六七八九十]{1,2})个?$")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"[，。？！、,.?!\s]|我说的是|我指的是|我要的是|就是|应该是|那个|这个|那一个|哪个|项目|的|吧|呢|啊|是")]
    private static partial Regex Filler();
}
