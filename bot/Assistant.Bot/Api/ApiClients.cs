using System.Text.Json;
using System.Text.Json.Serialization;
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
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(json));
        Add<IAssistantApi>(services, settings);
        Add<IPolicyAnswersApi>(services, settings);
        Add<IAccountLinksApi>(services, settings);
        return services;
    }

    private static void Add<T>(IServiceCollection services, RefitSettings settings) where T : class =>
        services.AddRefitClient<T>(settings)
            .ConfigureHttpClient((sp, c) => c.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ApiOptions>>().Value.BaseUrl))
            .AddHttpMessageHandler<BotIdentityHandler>()
            .AddStandardResilienceHandler(o =>
            {
                // A chat user waits for the answer: fail within a few seconds rather than the default half minute.
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = TimeSpan.FromMilliseconds(200);
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(4);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
            });
}
