using Microsoft.Extensions.Options;

namespace Assistant.Api.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>How often the deadline job runs, in seconds (default 30).</summary>
    public int BidDeadlineIntervalSeconds { get; set; } = 30;
    public bool Enabled { get; set; } = true;
}

/// <summary>Runs <see cref="BidDeadlineCloser"/> periodically, so deadlines pass even when nobody acts. A failed pass is logged and retried next time.</summary>
public sealed class BidDeadlineScheduler(BidDeadlineCloser closer, IOptions<SchedulingOptions> options, ILogger<BidDeadlineScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.BidDeadlineIntervalSeconds)));
        do
        {
            try
            {
                await closer.CloseDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Bid deadline pass failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
