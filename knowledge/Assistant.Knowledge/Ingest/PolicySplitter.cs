using System.Text.RegularExpressions;

namespace Assistant.Knowledge.Ingest;

public sealed record ParsedPassage(int Ordinal, string Section, string Text);

/// <summary>
/// Splits body lines into passages that keep their place in the structure: 一、 / （一） / 1． / 一是 headings
/// build a section path; long paragraphs are cut at sentence ends so a passage stays about one point.
/// </summary>
public static partial class PolicySplitter
{
    public const string NoSection = "正文";
    internal const int MaxPassage = 320;
    internal const int TargetPassage = 200;

    public static bool IsHeading(string line) => HeadingLevel(line) > 0;

    public static int HeadingLevel(string line)
    {
        if (Level1().IsMatch(line)) return 1;
        if (Level2().IsMatch(line)) return 2;
        if (Level3().IsMatch(line)) return 3;
        if (Level4().IsMatch(line)) return 4;
        return 0;
    }

    public static IReadOnlyList<ParsedPassage> Split(IEnumerable<string> bodyLines)
    {
        var passages = new List<ParsedPassage>();
        var path = new SortedDictionary<int, string>();
        foreach (var line in bodyLines)
        {
            var level = HeadingLevel(line);
            if (level > 0)
            {
                foreach (var deeper in path.Keys.Where(k => k >= level).ToList()) path.Remove(deeper);
                path[level] = HeadingLabel(line);
                if (IsPureHeading(line)) continue;
            }
            var section = path.Count == 0 ? NoSection : string.Join(" › ", path.Values);
            foreach (var chunk in Chunk(line))
                passages.Add(new ParsedPassage(passages.Count, section, chunk));
        }
        return passages;
    }

    /// <summary>"（一）指导思想" is only a heading; "1．编制购买计划。编制部门…" is a heading that starts its own paragraph.</summary>
    private static bool IsPureHeading(string line)
    {
        var trimmed = line.TrimEnd('。', '：', ':', ' ');
        return trimmed.Length <= 36 && !trimmed.Contains('。') && !trimmed.Contains('；');
    }

    private static string HeadingLabel(string line)
    {
        var end = line.IndexOfAny(['。', '：', ':', '；']);
        var label = end > 0 ? line[..end] : line;
        return label.Length <= 36 ? label : label[..30] + "…";
    }

    /// <summary>Cuts at sentence ends (。；！？) into pieces of about <see cref="TargetPassage"/> characters, quoting the text as written.</summary>
    internal static IEnumerable<string> Chunk(string paragraph)
    {
        if (paragraph.Length <= MaxPassage) { yield return paragraph; yield break; }
        var sentences = SentenceEnd().Split(paragraph).Where(s => s.Length > 0).ToList();
        var current = "";
        foreach (var sentence in sentences)
        {
            if (current.Length > 0 && current.Length + sentence.Length > MaxPassage)
            {
                yield return current;
                current = "";
            }
            current += sentence;
            if (current.Length >= TargetPassage) { yield return current; current = ""; }
        }
        if (current.Length > 0) yield return current;
    }

    [GeneratedRegex(@"^[一二三四五六七八九十]{1,3}、")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]{1,3}[）)]")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^\d{1,2}[．.、](?!\d)")]
    private static partial Regex Level3();

    [GeneratedRegex(@"^[一二三四五六七八九十]是")]
    private static partial Regex Level4();

    // Split after the punctuation so every piece keeps its own full stop.
    [GeneratedRegex(@"(?<=[。；;！!？?])")]
    private static partial Regex SentenceEnd();
}
