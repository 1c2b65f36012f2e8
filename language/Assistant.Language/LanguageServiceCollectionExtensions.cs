using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILanguageUnderstanding"/> as a singleton and a hosted service that trains the
    /// intent classifier and builds the recogniser models in the background as the host starts, so the
    /// host is up at once and the first user turn does not pay for it (a turn arriving mid-warm-up waits
    /// for it rather than building a second copy).
    /// </summary>
    public static IServiceCollection AddLanguageUnderstanding(this IServiceCollection services, Action<LanguageUnderstandingOptions>? configure = null)
    {
        var options = new LanguageUnderstandingOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.AddSingleton<ILanguageUnderstanding>(sp => new LanguageUnderstanding(options, sp.GetService<TimeProvider>()));
        services.AddHostedService<LanguageWarmUp>();
        return services;
    }
}

internal sealed class LanguageWarmUp(ILanguageUnderstanding language, ILogger<LanguageWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            language.WarmUp();
            logger.LogInformation("Language understanding warmed up in {Elapsed:F0} ms", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            // Parse will throw the same error on use; say it once, clearly, at start.
            logger.LogError(e, "Language understanding failed to warm up");
        }
    }, stoppingToken);
}
