using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.DirectLine;
using Assistant.Bot.Flows;
using Assistant.Bot.Reminders;
using Assistant.Bot.State;
using Assistant.Bot.Understanding;
using Assistant.Language;
using Assistant.Platform.Hosting;
using Assistant.Platform.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Hosting;

public static class BotHost
{
    public const string CorsPolicy = "mobile-web";

    /// <summary>Everything the bot host runs: store, state, API clients, understanding, flows, adapters, Direct Line.</summary>
    public static WebApplicationBuilder AddAssistantBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddDocumentStore(BotSchema.Declare);
        services.AddBotStateRecords();
        services.AddSingleton<BotStateStorage>();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<BotStateStorage>());
        services.AddSingleton<ConversationState, StoredConversationState>();
        services.AddSingleton<UserState, StoredUserState>();

        services.AddAssistantApiClients(builder.Configuration);
        services.AddLanguageUnderstanding();
        services.AddSingleton<KeywordUnderstanding>();
        services.AddSingleton<IUnderstanding, LanguageUnderstandingAdapter>();
        services.AddFlows();

        services.AddSingleton<BotFrameworkAuthentication>(sp =>
            new ReusingBotFrameworkAuthentication(ActivatorUtilities.CreateInstance<ConfigurationBotFrameworkAuthentication>(sp)));
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<BotFrameworkAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<BotFrameworkAdapter>());
        services.AddTransient<IBot, AssistantBot>();
        services.AddDirectLine(builder.Configuration);
        services.AddSingleton<ReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());

        // Direct Line is open to anyone who can reach the bot: limit it per address (RateLimits:directline:*; Web Chat polls about once a second).
        services.AddAssistantRateLimiting(r => r.Policy("directline", permitLimit: 600)
            .When("directline", c => c.Request.Path.StartsWithSegments("/v3/directline")));

        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? ["http://127.0.0.1:5080", "http://localhost:5080"];
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()));
        return builder;
    }

    /// <summary>State records in MongoDB when it is the store, else in the bot's own log (opened after the store starts).</summary>
    public static IServiceCollection AddBotStateRecords(this IServiceCollection services)
    {
        services.AddSingleton<LogStateRecords>();
        services.AddSingleton<IStateRecords>(sp => sp.GetRequiredService<IOptions<StoreOptions>>().Value.UsesMongo
            ? ActivatorUtilities.CreateInstance<DocumentStateRecords>(sp)
            : sp.GetRequiredService<LogStateRecords>());
        services.AddHostedService(sp => sp.GetRequiredService<LogStateRecords>());
        services.AddHealthChecks().AddCheck<LogStateRecords>("bot-state", tags: ["ready"]);
        return services;
    }

    public static IServiceCollection AddFlows(this IServiceCollection services)
    {
        services.AddSingleton<ProjectLookup>();
        services.AddSingleton<ProjectWatchLists>();
        services.AddSingleton<ProjectCards>();
        services.AddSingleton<ProjectQueries>();
        services.AddSingleton<OutcomeNotices>();
        foreach (var flow in typeof(IFlow).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFlow).IsAssignableFrom(t)))
            services.AddSingleton(typeof(IFlow), flow);
        services.AddSingleton<DialogStack>();
        return services;
    }

    public static WebApplication MapAssistantBot(this WebApplication app)
    {
        app.UseCors(CorsPolicy);
        app.UseAssistantRateLimiting();
        app.UseWebSockets();
        app.MapAssistantHealth();
        app.MapPost("/api/messages", async (HttpContext http, BotFrameworkAdapter adapter, IBot bot) =>
        {
            var (body, rejected) = await MessagesGuard.ReadAsync(http.Request, http.RequestAborted);
            if (rejected is not null) return rejected;
            await adapter.ProcessAsync(http, body!, bot, http.RequestAborted);
            return Results.Empty;
        });
        app.MapDirectLine();
        app.MapNluApi();
        return app;
    }
}
