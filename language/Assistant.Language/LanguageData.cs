using System.Text;
using Assistant.Language.Intents;

namespace Assistant.Language;

/// <summary>The data shipped in Data/ (embedded): intent examples, regions, categories, sentiment words.</summary>
public static class LanguageData
{
    public static IReadOnlyList<IntentExample> IntentExamples() => IntentExample.ReadTsv(Open("intents.tsv"));

    /// <summary>Fills a lexicon from regions.tsv and categories.tsv (name TAB aliases separated by 、 TAB parent).</summary>
    public static void LoadLexicons(Lexicons lexicons)
    {
        foreach (var (name, aliases, parent) in Rows("regions.tsv")) lexicons.AddRegion(name, aliases, parent);
        foreach (var (name, aliases, parent) in Rows("categories.tsv")) lexicons.AddCategory(name, aliases, parent);
    }

    public static IReadOnlyList<(string Word, int Score)> Sentiment() =>
        Rows("sentiment.tsv").Select(r => (r.Name, int.Parse(r.Aliases.Single()))).ToList();

    private static IEnumerable<(string Name, string[] Aliases, string? Parent)> Rows(string file)
    {
        using var reader = Open(file);
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            var aliases = cells.Length > 1 ? cells[1].Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            var parent = cells.Length > 2 && cells[2].Trim().Length > 0 ? cells[2].Trim() : null;
            yield return (cells[0].Trim(), aliases, parent);
        }
    }

    private static StreamReader Open(string file)
    {
        var stream = typeof(LanguageData).Assembly.GetManifestResourceStream("Assistant.Language.Data." + file)
            ?? throw new InvalidOperationException($"Missing embedded data file {file}");
        return new StreamReader(stream, Encoding.UTF8);
    }
}
