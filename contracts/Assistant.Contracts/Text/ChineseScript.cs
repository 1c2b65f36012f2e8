using System.Collections.Frozen;
using System.Text;

namespace Assistant.Contracts.Text;

/// <summary>
/// Traditional ↔ Simplified by character, from OpenCC's tables kept as data (no .NET converter is served here).
/// Used to normalise text for matching only: what users are shown is always quoted as written.
/// </summary>
public static class ChineseScript
{
    private static readonly Lazy<FrozenDictionary<char, char>> TraditionalToSimplified = new(() => Load("t2s.txt"));
    private static readonly Lazy<FrozenDictionary<char, char>> SimplifiedToTraditional = new(() => Load("s2t.txt"));

    public static string ToSimplified(string text) => Map(text, TraditionalToSimplified.Value);

    public static string ToTraditional(string text) => Map(text, SimplifiedToTraditional.Value);

    /// <summary>True when the text has at least one character that only the Traditional script uses.</summary>
    public static bool HasTraditional(string text)
    {
        var map = TraditionalToSimplified.Value;
        foreach (var c in text)
            if (map.ContainsKey(c)) return true;
        return false;
    }

    private static string Map(string text, FrozenDictionary<char, char> map)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!map.TryGetValue(text[i], out var mapped)) continue;
            builder ??= new StringBuilder(text);
            builder[i] = mapped;
        }
        return builder?.ToString() ?? text;
    }

    private static FrozenDictionary<char, char> Load(string resource)
    {
        using var stream = typeof(ChineseScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded resource {resource}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 2 && !line.StartsWith('#')) map[line[0]] = line[1];
        }
        return map.ToFrozenDictionary();
    }
}
