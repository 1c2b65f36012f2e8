using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Platform.Hosting;

/// <summary>
/// Which limit applies to a request: rules are tried in order, the first match wins. Each limit is a sliding window
/// per partition (the client IP unless the rule says otherwise). Limits come from configuration
/// <c>RateLimits:{policy}:PermitLimit</c> / <c>:WindowSeconds</c> (defaults given here), and <c>RateLimits:Enabled=false</c>
/// turns limiting off, so tests and the benchmark can raise or lift them without code.
/// </summary>
public sealed class RateLimitRules
{
    internal sealed record Rule(string Policy, Func<HttpContext, bool> Match, Func<HttpContext, string> Partition);

    internal List<Rule> Rules { get; } = [];
    internal Dictionary<string, (int PermitLimit, int WindowSeconds)> Defaults { get; } = [];

    /// <summary>Declares a policy's default limit: <paramref name="permitLimit"/> requests per <paramref name="windowSeconds"/>.</summary>
    public RateLimitRules Policy(string name, int permitLimit, int windowSeconds = 60)
    {
        Defaults[name] = (permitLimit, windowSeconds);
        return this;
    }

    public RateLimitRules When(string policy, Func<HttpContext, bool> match, Func<HttpContext, string>? partitionBy = null)
    {
        Rules.Add(new Rule(policy, match, partitionBy ?? ClientIp));
        return this;
    }

    /// <summary>The address the request came from (behind a proxy, configure forwarded headers so this is the client's).</summary>
    public static string ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

public static class RateLimiting
{
    public const string Section = "RateLimits";

    /// <summary>Registers one global limiter built from <paramref name="configure"/>; rejected requests get 429 ProblemDetails with Retry-After.</summary>
    public static IServiceCollection AddAssistantRateLimiting(this IServiceCollection services, Action<RateLimitRules> configure)
    {
        var rules = new RateLimitRules();
        configure(rules);
        services.AddProblemDetails();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(Section);
            var enabled = section.GetValue("Enabled", true);
            var limits = rules.Defaults.ToDictionary(d => d.Key, d => (
                PermitLimit: section.GetValue($"{d.Key}:PermitLimit", d.Value.PermitLimit),
                Window: TimeSpan.FromSeconds(Math.Max(1, section.GetValue($"{d.Key}:WindowSeconds", d.Value.WindowSeconds)))));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var rule = enabled ? rules.Rules.FirstOrDefault(r => r.Match(context)) : null;
                if (rule is null || !limits.TryGetValue(rule.Policy, out var limit))
                    return RateLimitPartition.GetNoLimiter("none");
                return RateLimitPartition.GetSlidingWindowLimiter($"{rule.Policy}|{rule.Partition(context)}", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limit.PermitLimit),
                    Window = limit.Window,
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                });
            });
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejected;
        });
        return services;
    }

    /// <summary>Place after authentication when rules look at the signed-in user, and before the endpoints.</summary>
    public static IApplicationBuilder UseAssistantRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();

    private static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetService<IProblemDetailsService>();
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "请求过于频繁",
            Detail = $"请在 {Math.Ceiling(retryAfter.TotalSeconds)} 秒后再试",
        };
        if (problems is null || !await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
            await context.Response.WriteAsJsonAsync(problem, ct);
    }
}
