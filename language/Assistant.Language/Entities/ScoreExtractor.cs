using System.Text.RegularExpressions;

namespace Assistant.Language.Entities;

/// <summary>
/// Satisfaction scores 1–5: stated ("五星", "打4分", "非常满意") or, for a complaint or praise in free
/// text, inferred from sentiment words ("饭菜凉了" → 2) and flagged <see cref="Entity.Inferred"/> so the
/// bot confirms before submitting.
/// </summary>
internal static partial class ScoreExtractor
{
    [GeneratedRegex(@"(?<![0-9.点第])([1-5一二两三四五])(?:\.(\d))?\s*(颗星|星级|星|分)(?!钟|之|半|析|类|别|配|期|包|享|数)")]
    private static partial Regex Stars();

    [GeneratedRegex(@"(打|给|評|评|得|评分|分数|分值)\s*[:：]?\s*$")]
    private static partial Regex PointsCue();

    // The five answers on the rating page, most specific first so "非常不满意" is not read as "满意".
    internal static readonly (string Word, int Score)[] Scale =
    [
        ("非常不满意", 1), ("很不满意", 1), ("特别不满意", 1), ("极不满意", 1),
        ("不太满意", 2), ("不满意", 2), ("不大满意", 2),
        ("基本满意", 3), ("一般满意", 3), ("还算满意", 3),
        ("非常满意", 5), ("很满意", 5), ("特别满意", 5), ("十分满意", 5),
        ("比较满意", 4), ("挺满意", 4), ("满意", 4),
    ];

    public static void ExtractStated(ExtractionContext context)
    {
        foreach (Match m in Stars().Matches(context.MaskedText))
        {
            // "4分" is a score when given ("打4分", "我给4分", a bare "4分"), not in "满分5分" or "占5分".
            var before = context.Before(m.Index, 3);
            if (m.Groups[3].Value == "分" && !PointsCue().IsMatch(before) && context.Normalized.Trim().Length > m.Length + 2) continue;
            var whole = "一二三四五".IndexOf(m.Groups[1].Value[0]) is var i and >= 0 ? i + 1
                : m.Groups[1].Value == "两" ? 2 : m.Groups[1].Value[0] - '0';
            var value = m.Groups[2].Success && m.Groups[2].Value[0] >= '5' ? whole + 1 : whole;
            context.Add(EntityTypes.Score, Math.Clamp(value, 1, 5), m.Index, m.Index + m.Length);
        }
        if (context.Entities.Any(e => e.Type == EntityTypes.Score)) return;

        var text = context.MaskedText;
        foreach (var (word, score) in Scale)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            // "满意度" is the survey, not an answer to it.
            if (at < 0 || at + word.Length < text.Length && text[at + word.Length] == '度') continue;
            context.Add(EntityTypes.Score, score, at, at + word.Length);
            return;
        }
    }

    /// <summary>Mean of the sentiment words found, rounded; none found → no score.</summary>
    public static void Infer(ExtractionContext context, IReadOnlyList<(string Word, int Score)> sentiment)
    {
        if (context.Entities.Any(e => e.Type == EntityTypes.Score)) return;
        var text = context.MaskedText;
        var hits = new List<(int Start, int End, int Score)>();
        foreach (var (word, score) in sentiment.OrderByDescending(s => s.Word.Length))
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                if (hits.Any(h => h.Start < at + word.Length && at < h.End)) continue;
                hits.Add((at, at + word.Length, score));
            }
        }
        if (hits.Count == 0) return;
        var value = (int)Math.Round(hits.Average(h => h.Score), MidpointRounding.AwayFromZero);
        var (start, end) = (hits.Min(h => h.Start), hits.Max(h => h.End));
        context.Add(new Entity(EntityTypes.Score, Math.Clamp(value, 1, 5), context.Original[start..end], start, end) { Inferred = true });
    }
}
