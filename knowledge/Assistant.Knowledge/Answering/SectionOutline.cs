using System.Collections.Immutable;
using Assistant.Knowledge.Storage;
using Assistant.Platform.Storage;

namespace Assistant.Knowledge.Answering;

/// <summary>Each document's sections in reading order: the source of follow-up questions ("neighbouring" sections).</summary>
internal sealed class SectionOutline(ImmutableDictionary<string, ImmutableArray<string>> sections)
{
    public static readonly SectionOutline Empty = new(ImmutableDictionary<string, ImmutableArray<string>>.Empty);

    public static async Task<SectionOutline> LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        var passages = await store.Collection<PolicyPassage>().FindAsync(p => p.Id != "", ct: ct);
        return new(passages.GroupBy(p => p.DocumentId).ToImmutableDictionary(g => g.Key, g => Ordered(g)));
    }

    public SectionOutline With(string documentId, IEnumerable<PolicyPassage> passages) => new(sections.SetItem(documentId, Ordered(passages)));

    public IReadOnlyList<string> Of(string documentId) => sections.TryGetValue(documentId, out var s) ? s : [];

    private static ImmutableArray<string> Ordered(IEnumerable<PolicyPassage> passages) =>
        [.. passages.OrderBy(p => p.Ordinal).Select(p => p.Section).Distinct()];
}
