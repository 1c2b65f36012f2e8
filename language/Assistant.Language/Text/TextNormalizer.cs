using Assistant.Contracts.Text;

namespace Assistant.Language.Text;

/// <summary>
/// Matching form of a user's text: Traditional → Simplified, full-width ASCII → half-width. Every
/// mapping is one char to one char, so an index into the normalised text is an index into the
/// original too, and entities can quote what the user actually wrote.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var simplified = ChineseScript.ToSimplified(text);
        return string.Create(simplified.Length, simplified, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }

    /// <summary>Replaces [start, end) with spaces so later recognisers do not read a code as a date or a number.</summary>
    public static void Mask(char[] buffer, int start, int end)
    {
        for (var i = start; i < end && i < buffer.Length; i++) buffer[i] = ' ';
    }
}
