using System.Security.Claims;
using Assistant.Contracts.Domain;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Api.Auth;

public static class AuthSetup
{
    public const string StaffPolicy = "staff";
    public const string FinancePolicy = "finance";
    public const string OrganisationPolicy = "organisation";

    public static WebApplicationBuilder AddAssistantAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<AuthOptions>>((o, keys, auth) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Issuer,
                    IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.PurchaserStaff, Roles.Finance, Roles.Admin))
            .AddPolicy(FinancePolicy, p => p.RequireRole(Roles.Finance, Roles.Admin))
            .AddPolicy(OrganisationPolicy, p => p.RequireRole(Roles.Organisation));
        return builder;
    }

    public static string? Department(this ClaimsPrincipal user) => user.FindFirstValue(AssistantClaims.Department);

    public static string? OrganisationId(this ClaimsPrincipal user) => user.FindFirstValue(AssistantClaims.OrganisationId);

    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue("sub") ?? "anonymous";

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.PurchaserStaff) || user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin);

    /// <summary>Finance and admin see every project; purchaser staff only their own department's.</summary>
    public static bool CanManageDepartment(this ClaimsPrincipal user, string department) =>
        user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin) ||
        (user.IsInRole(Roles.PurchaserStaff) && user.Department() == department);
}
