using System.Security.Claims;
using Assistant.Contracts.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Api.Auth;

public static class AuthSetup
{
    public const string StaffPolicy = "staff";
    public const string FinancePolicy = "finance";
    public const string OrganisationPolicy = "organisation";
    /// <summary>Only the bot's service credential (with or without an acting user), e.g. redeeming a link code.</summary>
    public const string BotPolicy = "bot-service";

    public static WebApplicationBuilder AddAssistantAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        // One default scheme that forwards by header, so endpoints accept a signed-in user or the bot acting for one
        // without naming schemes themselves.
        services.AddAuthentication(BotServiceDefaults.SelectorScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, BotServiceHandler>(BotServiceDefaults.Scheme, null)
            .AddPolicyScheme(BotServiceDefaults.SelectorScheme, "JWT or bot service", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(BotServiceDefaults.KeyHeader) ? BotServiceDefaults.Scheme : JwtBearerDefaults.AuthenticationScheme);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<AuthOptions>, TimeProvider>((o, keys, auth, clock) =>
            {
                o.MapInboundClaims = false;
                o.TimeProvider = clock;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Issuer,
                    IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                    // Lifetimes by the injected clock (the one that issued the token), not the machine's.
                    LifetimeValidator = (notBefore, expires, _, _) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        var skew = TimeSpan.FromSeconds(30);
                        return (notBefore is null || notBefore.Value <= now + skew) && expires is not null && now - skew < expires.Value;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            // RequireAuthorization() with no policy means "a real account": the bot alone is not a signed-in user.
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.IsAccount()).Build())
            .AddPolicy(BotPolicy, p => p.RequireClaim(UserClaims.Via, Roles.BotService))
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.PurchaserStaff, Roles.Finance, Roles.Admin))
            .AddPolicy(FinancePolicy, p => p.RequireRole(Roles.Finance, Roles.Admin))
            .AddPolicy(OrganisationPolicy, p => p.RequireRole(Roles.Organisation));
        return builder;
    }

    public static string? Department(this ClaimsPrincipal user) => user.FindFirstValue(AssistantClaims.Department);

    public static string? OrganisationId(this ClaimsPrincipal user) => user.FindFirstValue(AssistantClaims.OrganisationId);

    /// <summary>The account's username ("bot" for the bot alone); the audit log adds the channel (web or chat) itself.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(UserClaims.Subject) ?? "anonymous";

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.PurchaserStaff) || user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin);

    /// <summary>Finance and admin see every project; purchaser staff only their own department's.</summary>
    public static bool CanManageDepartment(this ClaimsPrincipal user, string department) =>
        user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin) ||
        (user.IsInRole(Roles.PurchaserStaff) && user.Department() == department);
}
