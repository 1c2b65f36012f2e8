namespace Assistant.Knowledge.Catalogue;

/// <summary>A service the catalogue (指导目录) says may be bought, with the words people use for it (Simplified).</summary>
public sealed record CatalogueFact(string Name, string Category, IReadOnlyList<string> Keywords);

/// <summary>An entry of the excluded-matters list (负面清单): never bought, whatever the budget.</summary>
public sealed record ExcludedMatter(string Name, IReadOnlyList<string> Keywords);

public sealed record CatalogueSnapshot(IReadOnlyList<CatalogueFact> Items, IReadOnlyList<ExcludedMatter> Excluded, string Source);

/// <summary>
/// What the catalogue currently allows and excludes. The API implements this over its CatalogueItem documents
/// (the finance bureau's catalogue for the year); <see cref="PolicyCatalogueFacts"/> is the default taken from the
/// policy documents themselves.
/// </summary>
public interface ICatalogueFacts
{
    ValueTask<CatalogueSnapshot> GetAsync(CancellationToken ct = default);
}

/// <summary>Default facts from Data/catalogue.txt: the services and excluded matters the five policy documents name.</summary>
public sealed class PolicyCatalogueFacts : ICatalogueFacts
{
    private static readonly Lazy<CatalogueSnapshot> Snapshot = new(Load);

    public ValueTask<CatalogueSnapshot> GetAsync(CancellationToken ct = default) => ValueTask.FromResult(Snapshot.Value);

    private static CatalogueSnapshot Load()
    {
        var items = new List<CatalogueFact>();
        var excluded = new List<ExcludedMatter>();
        foreach (var line in KnowledgeData.Lines("catalogue.txt"))
        {
            var parts = line.Split('|');
            static List<string> Words(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (parts[0] == "item" && parts.Length == 4) items.Add(new CatalogueFact(parts[1], parts[2], Words(parts[3])));
            else if (parts[0] == "excluded" && parts.Length == 3) excluded.Add(new ExcludedMatter(parts[1], Words(parts[2])));
        }
        return new CatalogueSnapshot(items, excluded, "政府购买服务政策文件");
    }
}
