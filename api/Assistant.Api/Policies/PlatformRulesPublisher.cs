using System.Text;
using Assistant.Api.Accounts;
using Assistant.Api.Evaluations;
using Assistant.Api.Ratings;
using Assistant.Knowledge;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Policies;

/// <summary>
/// Puts the current <see cref="PlatformRules"/> in the policy library at start-up, so a changed setting (say 5 → 7
/// working days) is what the assistant answers after the next start. An unchanged text is not written again.
/// </summary>
internal sealed class PlatformRulesPublisher(PolicyKnowledgeBase knowledge, IDocumentStore store, IOptions<RatingOptions> ratings,
    IOptions<EvaluationOptions> evaluations, IOptions<AccountLinkOptions> links, ILogger<PlatformRulesPublisher> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Embedded: local and quick, so the rules are there before the first question. MongoDB may not answer yet
        // (the store initialiser waits for it in the background too): keep trying without holding up the start.
        if (store is LogStore) await PublishAsync(cancellationToken);
        else _ = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
    }

    private async Task RetryAsync(CancellationToken ct)
    {
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                await PublishAsync(ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Publishing the platform rules failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    private async Task PublishAsync(CancellationToken ct)
    {
        var text = PlatformRules.Render(ratings.Value, evaluations.Value, links.Value);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var result = await knowledge.IngestAsync(PlatformRules.FileName, content, ct);
        if (!result.Succeeded) logger.LogError("The platform rules could not be published: {Error}", result.Error);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }
}
