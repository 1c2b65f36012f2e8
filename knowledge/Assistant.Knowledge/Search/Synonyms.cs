namespace Assistant.Knowledge.Search;

/// <summary>Paraphrase groups from Data/synonyms.txt (不能 ↔ 不得/禁止, 黑名单 ↔ 不良信用记录/禁入 …).</summary>
internal sealed class Synonyms
{
    public static readonly Synonyms Default = new(KnowledgeData.Lines("synonyms.txt"));

    private readonly List<string[]> _groups;

    public Synonyms(IEnumerable<string> lines) =>
        _groups = lines.Select(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(g => g.Length > 1).ToList();

    /// <summary>Members of every group the (Simplified) question mentions, minus what it already says.</summary>
    public IReadOnlyList<string> Expand(string question) =>
        _groups.Where(g => g.Any(question.Contains))
            .SelectMany(g => g)
            .Where(w => !question.Contains(w))
            .Distinct()
            .ToList();

    /// <summary>The term and its paraphrases: a passage covers the term when it contains any of them.</summary>
    public string[] Alternatives(string term) =>
        [term, .. _groups.Where(g => Array.IndexOf(g, term) >= 0).SelectMany(g => g).Where(w => w != term).Distinct()];
}
