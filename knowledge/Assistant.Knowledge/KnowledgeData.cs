namespace Assistant.Knowledge;

/// <summary>The library's data files (synonyms, stopwords, domain words, default catalogue), embedded so every host has them.</summary>
internal static class KnowledgeData
{
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(KnowledgeData).Assembly.GetManifestResourceStream("Assistant.Knowledge.Data." + name)
            ?? throw new InvalidOperationException($"Missing embedded data file {name}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#')) lines.Add(line);
        }
        return lines;
    }
}
