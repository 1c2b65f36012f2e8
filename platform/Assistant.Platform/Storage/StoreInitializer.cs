using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Platform.Storage;

/// <summary>
/// Applies the declared indexes at start-up, then seeds an empty store. On MongoDB it retries until the server
/// answers, so the process starts (live) and turns ready when storage is reachable.
/// </summary>
internal sealed class StoreInitializer(
    IDocumentStore store, IEnumerable<IStoreSeeder> seeders, IOptions<StoreOptions> options, ILogger<StoreInitializer> logger)
    : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        switch (store)
        {
            case LogStore embedded:
                // Embedded: synchronous and local; a failure here should stop the process with a clear message.
                embedded.ApplySchema();
                await SeedAsync(cancellationToken);
                break;
            case MongoStore mongo:
                _ = Task.Run(() => InitialiseMongoAsync(mongo, _stopping.Token), CancellationToken.None);
                break;
        }
    }

    private async Task InitialiseMongoAsync(MongoStore mongo, CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                await mongo.ApplySchemaAsync(ct);
                await SeedAsync(ct);
                logger.LogInformation("MongoDB schema applied");
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "MongoDB not reachable yet (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        if (!options.Value.SeedDemoData) return;
        foreach (var seeder in seeders)
            await seeder.SeedAsync(store, ct);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }
}
