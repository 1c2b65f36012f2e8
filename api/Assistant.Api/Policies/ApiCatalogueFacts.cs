using Assistant.Api.Catalogue;
using Assistant.Contracts.Text;
using Assistant.Knowledge.Catalogue;
using Assistant.Platform.Storage;

namespace Assistant.Api.Policies;

/// <summary>
/// "X能不能政府购买" answered from the finance bureau's catalogue in force this year and the excluded-matters list.
/// Read at most once a minute: the catalogue changes yearly, questions come often.
/// </summary>
internal sealed class ApiCatalogueFacts(IDocumentStore store, TimeProvider clock) : ICatalogueFacts
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(1);
    private (CatalogueSnapshot Snapshot, DateTimeOffset At)? _cached;

    public async ValueTask<CatalogueSnapshot> GetAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_cached is { } c && now - c.At < Fresh) return c.Snapshot;
        var items = await CatalogueApi.InForceAsync(store, now.Year, ct);
        var snapshot = new CatalogueSnapshot(
            items.Select(i => new CatalogueFact(i.Name, i.Category,
                    i.Keywords.Append(i.Subcategory).Append(i.Name).Select(ChineseScript.ToSimplified).Where(k => k.Length >= 2).Distinct().ToList()))
                .ToList(),
            ExcludedMatters.All.Select(m => new ExcludedMatter(m.Name, m.Keywords)).ToList(),
            $"{now.Year}年政府购买服务指导目录");
        _cached = (snapshot, now);
        return snapshot;
    }
}
