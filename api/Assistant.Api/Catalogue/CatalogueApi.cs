using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Catalogue;

public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue").WithTags("Catalogue");
        group.MapGet("/", List);
        group.MapGet("/excluded", () => TypedResults.Ok(ExcludedMatters.All.Select(m => new ExcludedMatterDto(m.Code, m.Name)).ToList()));
        app.MapCatalogueMaintenanceApi();
        return app;
    }

    /// <summary>The catalogue in force in the given year (default: this year).</summary>
    public static async Task<Results<Ok<List<CatalogueItemDto>>, ValidationProblem>> List(
        IDocumentStore store, TimeProvider clock, CancellationToken ct, int? year = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var y = year ?? now.Year;
        if (y is < 2000 or > 2100)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["年份应在2000到2100之间"] });
        var items = await InForceAsync(store, y, ct);
        return TypedResults.Ok(items.Select(i => i.AsDto()).ToList());
    }

    /// <summary>Items in force during the year: effective before its end and not retired before its start.</summary>
    public static async Task<IReadOnlyList<CatalogueItem>> InForceAsync(IDocumentStore store, int year, CancellationToken ct)
    {
        var yearEnd = YearEnd(year);
        var items = await store.Collection<CatalogueItem>().FindAsync(i => i.EffectiveFrom <= yearEnd, orderBy: i => i.Code, ct: ct);
        return InForce(items, year);
    }

    /// <summary>The version of one item in force during the year (plan eligibility), by the same rule as <see cref="InForceAsync"/>.</summary>
    public static async Task<CatalogueItem?> ItemInForceAsync(IDocumentStore store, string code, int year, CancellationToken ct)
    {
        var yearEnd = YearEnd(year);
        var normalised = code.Trim().ToUpperInvariant();
        var versions = await store.Collection<CatalogueItem>().FindAsync(i => i.Code == normalised && i.EffectiveFrom <= yearEnd, ct: ct);
        return InForce(versions, year).FirstOrDefault();
    }

    // The one rule for "in force": the latest version of each code effective by the year's end wins; retired ones drop out.
    private static List<CatalogueItem> InForce(IEnumerable<CatalogueItem> versions, int year)
    {
        var yearStart = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        return versions.GroupBy(i => i.Code).Select(g => g.OrderByDescending(i => i.EffectiveFrom).First())
            .Where(i => i.RetiredOn is null || i.RetiredOn > yearStart).ToList();
    }

    private static DateTime YearEnd(int year) => new(year, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    public static CatalogueItemDto AsDto(this CatalogueItem i) =>
        new(i.Code, i.Category, i.Subcategory, i.Name, i.Description, i.Keywords, i.RatingDimensions, i.Year);
}
