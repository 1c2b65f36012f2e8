using System.Security.Claims;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Auth;

/// <summary>
/// The claims an account carries, whichever way it arrives (JWT from a sign-in, or the bot acting for a linked user),
/// so every endpoint sees the same principal shape and applies the same permissions.
/// </summary>
public static class UserClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>Set when the request came through the bot's service credential (value "bot").</summary>
    public const string Via = "via";

    public static List<Claim> For(User user)
    {
        var claims = new List<Claim> { new(Subject, user.Id), new(Name, user.DisplayName) };
        claims.AddRange(user.Roles.Select(r => new Claim(Role, r)));
        if (user.Department is not null) claims.Add(new Claim(AssistantClaims.Department, user.Department));
        if (user.Region is not null) claims.Add(new Claim(AssistantClaims.Region, user.Region));
        if (user.OrganisationId is not null) claims.Add(new Claim(AssistantClaims.OrganisationId, user.OrganisationId));
        return claims;
    }

    /// <summary>True for a real account (signed in, or acted for by the bot); false for anonymous and for the bot alone.</summary>
    public static bool IsAccount(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(Subject) is { } sub && sub != BotServiceDefaults.BotSubject;

    public static bool ViaBot(this ClaimsPrincipal user) => user.HasClaim(Via, Roles.BotService);
}
