using Assistant.Contracts.Api;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refit;

namespace Assistant.Bot.Api;

public static class ApiClients
{
    /// <summary>One Refit client per API interface, each with the bot identity header and the standard resilience pipeline.</summary>
    public static IServiceCollection AddAssistantApiClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().BindConfiguration("Api").Configure(o =>
            o.BotServiceKey ??= configuration["Auth:BotServiceKey"] ?? Environment.GetEnvironmentVariable("ASSISTANT_BOT_SERVICE_KEY"));
        services.AddTransient<BotIdentityHandler>();
        Add<IAssistantApi>(services);
        Add<IPolicyAnswersApi>(services);
        Add<IAccessApi>(services);
        Add<IRatingsApi>(services);
        Add<IPlansApi>(services);
        Add<IProvidersApi>(services);
        return services;
    }

    // Generated clients: Refit 16 builds requests at compile time (the reflection builder is a separate package).
    private static void Add<T>(IServiceCollection services) where T : class =>
        services.AddRefitGeneratedClient<T>(ApiJson.Default)
            .ConfigureHttpClient((sp, c) => c.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ApiOptions>>().Value.BaseUrl))
            .AddHttpMessageHandler<BotIdentityHandler>()
            .AddStandardResilienceHandler(o =>
            {
                // A chat user waits for the answer: fail within a few seconds rather than the default half minute.
                o.Retry.MaxRetryAttempts = 2;
                // Only reads are retried: a POST whose answer was lost may already be stored (a registration, a
                // question), and sending it again would store it twice. The flow keeps its place; the user retries.
                o.Retry.DisableForUnsafeHttpMethods();
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(4);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            });
}
