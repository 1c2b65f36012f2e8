using System.Text.Json.Serialization;
using Assistant.Api.Auth;
using Assistant.Platform.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace Assistant.Api.Infrastructure;

public static class ApiDefaults
{
    /// <summary>
    /// ProblemDetails for every error, JSON enums as names, Swagger with bearer auth, authentication (JWT or the bot's
    /// service credential), rate limits, request body limits and compressed public reads.
    /// </summary>
    public static WebApplicationBuilder AddApiDefaults(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.MaxDepth = 32;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo { Title = "政府购买服务助手 API", Version = "v1" });
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "POST /api/auth/token 获得的 accessToken",
            });
            o.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", doc)] = [] });
            var xml = Path.Combine(AppContext.BaseDirectory, "Assistant.Api.xml");
            if (File.Exists(xml)) o.IncludeXmlComments(xml);
        });
        builder.AddAssistantAuth();
        services.AddHttpContextAccessor();
        services.AddApiRateLimits();
        services.AddRequestLimits();
        services.AddPublicCompression();
        return builder;
    }

    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UsePublicCompression();
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "政府购买服务助手 API");
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseBotServiceRejection();
        app.UseAssistantRateLimiting();
        app.UseAuthorization();
        return app;
    }
}
