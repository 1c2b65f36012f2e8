using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Assistant.Platform.Storage;

/// <summary>Runs after the schema is applied when the store has no data yet (demo data on first start).</summary>
public interface IStoreSeeder
{
    Task SeedAsync(IDocumentStore store, CancellationToken ct);
}

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one <see cref="IDocumentStore"/> for this process: MongoDB when Store:MongoUrl is set, else the embedded log store (ADR 0011).
    /// <paramref name="declare"/> lists the collections and indexes of every feature in one place.
    /// </summary>
    public static IServiceCollection AddDocumentStore(this IServiceCollection services, Action<StoreSchema> declare)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section);
        var schema = new StoreSchema();
        declare(schema);
        services.AddSingleton(schema);
        services.AddSingleton<IMongoClient>(sp => new MongoClient(sp.GetRequiredService<IOptions<StoreOptions>>().Value.MongoUrl));
        services.AddSingleton<IDocumentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            if (!options.UsesMongo)
                return new LogStore(options.DataDir, options.FileName, schema);
            var url = MongoUrl.Create(options.MongoUrl);
            return new MongoStore(sp.GetRequiredService<IMongoClient>(), url.DatabaseName ?? options.Database, schema);
        });
        services.AddHostedService<StoreInitializer>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return services;
    }
}
