using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Assistant.Bot.Api;

public static class ApiFailure
{
    public const string TryLaterMessage = "抱歉，系统暂时连接不上，请稍后再试。您刚才的进度已保留。";

    /// <summary>The API could not answer (down, timing out, overloaded, circuit open): worth retrying later.</summary>
    public static bool IsUnavailable(Exception e, CancellationToken turnCancelled) => e switch
    {
        HttpRequestException or BrokenCircuitException or TimeoutRejectedException => true,
        TaskCanceledException when !turnCancelled.IsCancellationRequested => true,
        ApiException api => (int)api.StatusCode >= 500 || api.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        // Refit wraps transport failures (ApiRequestException around HttpRequestException).
        { InnerException: { } inner } => IsUnavailable(inner, turnCancelled),
        _ => false,
    };

    public static bool IsNotFound(Exception e) => e is ApiException { StatusCode: HttpStatusCode.NotFound };

    public static bool IsUnauthorized(Exception e) => e is ApiException { StatusCode: HttpStatusCode.Unauthorized };

    /// <summary>The API refused the acting user (not linked, or the bot → API identity not accepted yet).</summary>
    public static bool IsRefused(Exception e) => e is ApiException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden };
}
