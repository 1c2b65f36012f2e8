using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILanguageUnderstanding"/> as a singleton and a hosted service that trains the
    /// intent classifier and builds the recogniser models at start-up, so the first user turn is fast.
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

internal sealed class LanguageWarmUp(ILanguageUnderstanding language, ILogger<LanguageWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        language.WarmUp();
        logger.LogInformation("Language understanding warmed up in {Elapsed} ms", TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
