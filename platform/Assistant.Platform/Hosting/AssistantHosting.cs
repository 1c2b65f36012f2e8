using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Assistant.Platform.Hosting;

public static class AssistantHosting
{
    /// <summary>
    /// Maps the documented ASSISTANT_* environment variables onto configuration keys, and listens on the
    /// service's port unless URLs were configured explicitly.
    /// </summary>
    public static WebApplicationBuilder UseAssistantEnvironment(this WebApplicationBuilder builder, string portVariable, int defaultPort)
    {
        var mapped = new Dictionary<string, string?>();
        void Map(string variable, string key)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (value is not null) mapped[key] = value;
        }
        Map("ASSISTANT_MONGO_URL", "Store:MongoUrl");
        Map("ASSISTANT_DATA_DIR", "Store:DataDir");
        Map("ASSISTANT_API_URL", "Api:BaseUrl");
        Map("ASSISTANT_BOT_SERVICE_KEY", "Auth:BotServiceKey");
        if (mapped.Count > 0) builder.Configuration.AddInMemoryCollection(mapped);

        var explicitUrls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"];
        if (string.IsNullOrEmpty(explicitUrls))
        {
            var port = int.TryParse(Environment.GetEnvironmentVariable(portVariable), out var p) ? p : defaultPort;
            var host = Environment.GetEnvironmentVariable("ASSISTANT_HOST") ?? "127.0.0.1";
            builder.WebHost.UseUrls($"http://{host}:{port}");
        }
        return builder;
    }

    /// <summary>/health/live: the process answers. /health/ready: storage reachable and indexes in place.</summary>
    public static IEndpointRouteBuilder MapAssistantHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
