using Assistant.Knowledge.Catalogue;
using Assistant.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Knowledge;

public static class PolicyKnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The policy knowledge base as a singleton (one Lucene writer per index folder), the default catalogue facts
    /// unless the host registered its own <see cref="ICatalogueFacts"/>, and a start-up check that rebuilds the index
    /// from the store when needed. Requires AddDocumentStore with <see cref="Storage.PolicyStore.Declare"/>.
    /// </summary>
    public static IServiceCollection AddPolicyKnowledge(this IServiceCollection services, Action<PolicyKnowledgeOptions>? configure = null)
    {
        var options = services.AddOptions<PolicyKnowledgeOptions>().BindConfiguration(PolicyKnowledgeOptions.Section);
        if (configure is not null) options.Configure(configure);
        options.PostConfigure<IOptions<StoreOptions>>((o, store) =>
            o.IndexDirectory ??= Path.Combine(store.Value.DataDir, "policy-index"));
        services.TryAddSingleton<ICatalogueFacts, PolicyCatalogueFacts>();
        services.AddSingleton<PolicyKnowledgeBase>();
        services.AddHostedService<PolicyIndexWarmUp>();
        return services;
    }
}

/// <summary>Checks (and if needed rebuilds) the index in the background at start-up, so the first question is fast.</summary>
internal sealed class PolicyIndexWarmUp(PolicyKnowledgeBase knowledge, ILogger<PolicyIndexWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await knowledge.EnsureIndexAsync(stoppingToken);
            await knowledge.AnswerAsync("政府购买服务的承接主体", 1, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store may not be reachable yet (MongoDB): the first question retries.
            logger.LogWarning(e, "Policy index check at start-up failed; it will be retried on the first question");
        }
    }
}
