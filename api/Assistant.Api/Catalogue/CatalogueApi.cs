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
        var yearEnd = new DateTime(year, 12, 31, 23, 59, 59, DateTimeKind.Utc);
        var yearStart = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var items = await store.Collection<CatalogueItem>().FindAsync(i => i.EffectiveFrom <= yearEnd, orderBy: i => i.Code, ct: ct);
        // Latest version of each code wins; retired ones drop out.
        return items.GroupBy(i => i.Code).Select(g => g.OrderByDescending(i => i.EffectiveFrom).First())
            .Where(i => i.RetiredOn is null || i.RetiredOn > yearStart).ToList();
    }

    public static CatalogueItemDto AsDto(this CatalogueItem i) =>
        new(i.Code, i.Category, i.Subcategory, i.Name, i.Description, i.Keywords, i.RatingDimensions, i.Year);
}
