using Assistant.Api.Auth;
using Assistant.Platform.Hosting;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// The API's abuse limits (defaults; override with RateLimits:{policy}:PermitLimit / WindowSeconds, or RateLimits:Enabled).
/// Sign-in is limited per address (the lockout protects each account; this slows spraying across accounts), public and
/// rating endpoints per address, signed-in users per account, and the bot as one caller with its own larger budget,
/// because all chat users reach the API through it (the bot host limits each Direct Line client itself).
/// </summary>
public static class ApiRateLimits
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services) =>
        services.AddAssistantRateLimiting(rules => rules
            .Policy("auth", permitLimit: 20)
            .Policy("ratings", permitLimit: 30)
            .Policy("public", permitLimit: 300)
            .Policy("user", permitLimit: 600)
            .Policy("bot", permitLimit: 6000)
            .When("auth", c => c.Request.Path.StartsWithSegments("/api/auth"))
            .When("bot", c => c.User.ViaBot(), _ => "bot")
            .When("ratings", c => c.Request.Path.StartsWithSegments("/api/ratings") && c.User.Identity?.IsAuthenticated != true)
            .When("user", c => c.User.Identity?.IsAuthenticated == true, c => c.User.Actor())
            .When("public", c => c.Request.Path.StartsWithSegments("/api")));
}
