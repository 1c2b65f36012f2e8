namespace Assistant.Language.Intents;

/// <summary>One labelled utterance (Data/intents.tsv: intent TAB text).</summary>
public sealed record IntentExample(string Intent, string Text)
{
    public static IReadOnlyList<IntentExample> ReadTsv(TextReader reader)
    {
        var examples = new List<IntentExample>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1) throw new FormatException($"Expected 'intent<TAB>text', got: {line}");
            examples.Add(new IntentExample(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        return examples;
    }
}
