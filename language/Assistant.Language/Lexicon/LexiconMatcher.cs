namespace Assistant.Language;

/// <summary>
/// Longest-match scan over all surfaces (names and aliases), indexed by first character:
/// "居家养老" wins over "养老", "防城港" over "防城". Hundreds of entries scan in microseconds.
/// </summary>
internal sealed class LexiconMatcher
{
    public static readonly LexiconMatcher Empty = new(new Dictionary<char, (string Surface, LexiconEntry Entry)[]>());

    private readonly Dictionary<char, (string Surface, LexiconEntry Entry)[]> _byFirstChar;

    private LexiconMatcher(Dictionary<char, (string Surface, LexiconEntry Entry)[]> byFirstChar) => _byFirstChar = byFirstChar;

    public static LexiconMatcher Build(IEnumerable<LexiconEntry> entries)
    {
        var index = entries
            .SelectMany(e => e.Surfaces.Select(s => (Surface: s, Entry: e)))
            .Where(p => p.Surface.Length > 0)
            .GroupBy(p => p.Surface[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Surface.Length).ToArray());
        return new LexiconMatcher(index);
    }

    public IEnumerable<(LexiconEntry Entry, int Start, int End)> Matches(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var matched = false;
            if (_byFirstChar.TryGetValue(text[i], out var candidates))
            {
                foreach (var (surface, entry) in candidates)
                {
                    if (string.CompareOrdinal(text, i, surface, 0, surface.Length) != 0) continue;
                    yield return (entry, i, i + surface.Length);
                    i += surface.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched) i++;
        }
    }
}
