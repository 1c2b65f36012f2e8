using Assistant.Contracts.Text;

namespace Assistant.Api.Disclosure;

/// <summary>
/// How people name a provider in a sentence: "康乐养老" for 上虞区康乐居家养老服务中心. A name matches when it holds the
/// words asked for in order (each character, gaps allowed); the tighter the match, the better, and a name holding the
/// words as one piece comes first.
/// </summary>
public static class ProviderNames
{
    public const int MinLength = 2;
    public const int MaxLength = 50;

    /// <summary>Lower is better; null when <paramref name="name"/> does not hold <paramref name="asked"/>.</summary>
    public static int? Distance(string name, string asked)
    {
        var whole = Normalise(name);
        var query = Normalise(asked);
        if (query.Length == 0) return null;
        if (whole.Contains(query, StringComparison.Ordinal)) return whole.Length - query.Length;
        var best = (int?)null;
        // Every start of the first character: the tightest span wins ("康乐…养老" rather than a stray 康 earlier on).
        for (var start = whole.IndexOf(query[0]); start >= 0; start = whole.IndexOf(query[0], start + 1))
        {
            var at = start;
            for (var i = 1; i < query.Length && at >= 0; i++) at = whole.IndexOf(query[i], at + 1);
            if (at < 0) break;
            var span = at - start + 1;
            best = Math.Min(best ?? int.MaxValue, 1_000 + span - query.Length);
        }
        return best;
    }

    public static string Normalise(string text) =>
        new(ChineseScript.ToSimplified(text).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).Select(char.ToLowerInvariant).ToArray());
}
