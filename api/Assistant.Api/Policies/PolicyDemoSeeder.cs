using Assistant.Api.Infrastructure;
using Assistant.Knowledge;
using Assistant.Knowledge.Storage;
using Assistant.Platform.Storage;

namespace Assistant.Api.Policies;

/// <summary>
/// Demo data for policy questions: on first start of an empty store, ingests the policy documents found in
/// Demo:PolicyFolder (start.sh points it at ../shared/policies), exactly as an upload through POST /api/policies would.
/// </summary>
internal sealed class PolicyDemoSeeder(IServiceProvider services, IConfiguration configuration, IWebHostEnvironment environment,
    ILogger<PolicyDemoSeeder> logger) : IStoreSeeder
{
    private static readonly string[] Extensions = [".txt", ".md", ".docx", ".pdf"];

    public async Task SeedAsync(IDocumentStore store, CancellationToken ct)
    {
        // The platform rules are published at every start (PlatformRulesPublisher) and are no sign of an earlier seeding.
        if (await store.Collection<PolicyDocument>().CountAsync(d => d.FileName != PlatformRules.FileName, ct) > 0) return;
        // Unset: look for shared/policies above the app; empty: load none (the test factory does this).
        var folder = configuration["Demo:PolicyFolder"] ?? RepositoryPaths.FindUp(environment.ContentRootPath, "shared", "policies");
        if (folder == "") return;
        if (folder is null || !Directory.Exists(folder))
        {
            logger.LogWarning("No policy documents to load (set Demo:PolicyFolder); policy questions will have nothing to answer from");
            return;
        }
        var files = Directory.EnumerateFiles(folder).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order().ToList();
        var knowledge = services.GetRequiredService<PolicyKnowledgeBase>();
        var results = await knowledge.IngestManyAsync(files.Select(f => (Path.GetFileName(f), (Func<Stream>)(() => File.OpenRead(f)))), ct: ct);
        logger.LogInformation("Policy documents loaded from {Folder}: {Count} files", folder, results.Count);
    }

}
