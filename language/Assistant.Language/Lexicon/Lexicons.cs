using System.Collections.Immutable;

namespace Assistant.Language;

/// <summary>
/// Region and category names with their aliases. Starts from the data files shipped in Data/ and can be
/// extended at run time (the bot loads the real catalogue from the API). Readers see an immutable
/// snapshot, so adding entries never races with parsing.
/// </summary>
public sealed class Lexicons
{
    private ImmutableDictionary<string, LexiconEntry> _entries = ImmutableDictionary<string, LexiconEntry>.Empty;
    private readonly Lock _gate = new();
    private volatile LexiconMatcher _matcher = LexiconMatcher.Empty;

    public IReadOnlyCollection<LexiconEntry> Entries => _entries.Values.ToList();

    /// <summary>Adds a region ("上虞区") with aliases ("上虞"); an existing entry gains the new aliases.</summary>
    public void AddRegion(string name, IEnumerable<string>? aliases = null, string? parent = null) =>
        Add(new LexiconEntry(EntityTypes.Region, name, Aliases(aliases), parent));

    /// <summary>Adds a category ("居家养老") with aliases and the catalogue group it belongs to.</summary>
    public void AddCategory(string name, IEnumerable<string>? aliases = null, string? parent = null) =>
        Add(new LexiconEntry(EntityTypes.Category, name, Aliases(aliases), parent));

    public LexiconEntry? Find(string type, string name) =>
        _entries.TryGetValue(Key(type, Normalise(name)), out var entry) ? entry : null;

    internal LexiconMatcher Matcher => _matcher;

    private void Add(LexiconEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name)) throw new ArgumentException("A lexicon entry needs a name.", nameof(entry));
        entry = entry with { Name = Normalise(entry.Name) };
        lock (_gate)
        {
            var key = Key(entry.Type, entry.Name);
            if (_entries.TryGetValue(key, out var existing))
                entry = existing with { Aliases = existing.Aliases.Union(entry.Aliases).ToImmutableArray(), Parent = entry.Parent ?? existing.Parent };
            _entries = _entries.SetItem(key, entry);
            _matcher = LexiconMatcher.Build(_entries.Values);
        }
    }

    private static ImmutableArray<string> Aliases(IEnumerable<string>? aliases) =>
        (aliases ?? []).Select(Normalise).Where(a => a.Length > 0).Distinct().ToImmutableArray();

    private static string Normalise(string text) => Text.TextNormalizer.Normalize(text.Trim());

    private static string Key(string type, string name) => type + "\u0001" + name;
}

public sealed record LexiconEntry(string Type, string Name, ImmutableArray<string> Aliases, string? Parent)
{
    public IEnumerable<string> Surfaces => Aliases.Prepend(Name);
}
