using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Assistant.Api.Infrastructure;

public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";
    /// <summary>Bodies of ordinary (JSON) endpoints.</summary>
    public long JsonBytes { get; set; } = 64 * 1024;
    /// <summary>Endpoints marked <see cref="RequestLimits.AcceptsUpload"/> (policy documents).</summary>
    public long UploadBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>
/// Request body limits: small for JSON, larger only where an endpoint says it takes uploads. Oversized bodies get a 413
/// ProblemDetails before the endpoint reads them (Content-Length), or from the server while reading (chunked bodies).
/// </summary>
public static class RequestLimits
{
    /// <summary>Marks an endpoint that takes file uploads (RequestLimits:UploadBytes instead of JsonBytes).</summary>
    public static TBuilder AcceptsUpload<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UploadMarker());

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section);
        // Kestrel's own ceiling is the upload limit; each request is narrowed below it by the middleware.
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<RequestLimitOptions>>((kestrel, limits) =>
                kestrel.Limits.MaxRequestBodySize = limits.Value.UploadBytes);
        return services;
    }

    /// <summary>After routing (the endpoint is known), before the endpoint reads the body.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLimitOptions>>().Value;
        var endpoint = context.GetEndpoint();
        var limit = endpoint?.Metadata.GetMetadata<UploadMarker>() is not null ? options.UploadBytes
            : endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.JsonBytes;
        if (context.Request.ContentLength > limit)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求内容过大",
                detail: $"请求内容不能超过 {FormatSize(limit)}").ExecuteAsync(context);
            return;
        }
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        await next(context);
    });

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";

    private sealed class UploadMarker;
}
