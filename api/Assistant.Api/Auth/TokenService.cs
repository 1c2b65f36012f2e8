using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Assistant.Contracts.Domain;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Api.Auth;

public sealed class TokenService(SigningKeyProvider keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    public (string Token, DateTime ExpiresAt) Issue(User user)
    {
        var claims = new List<Claim> { new("sub", user.Id), new("name", user.DisplayName) };
        claims.AddRange(user.Roles.Select(r => new Claim("role", r)));
        if (user.Department is not null) claims.Add(new Claim(AssistantClaims.Department, user.Department));
        if (user.Region is not null) claims.Add(new Claim(AssistantClaims.Region, user.Region));
        if (user.OrganisationId is not null) claims.Add(new Claim(AssistantClaims.OrganisationId, user.OrganisationId));
        return Issue(claims);
    }

    public (string Token, DateTime ExpiresAt) Issue(IEnumerable<Claim> claims, TimeSpan? lifetime = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes));
        var token = new JwtSecurityToken(
            issuer: options.Value.Issuer,
            audience: options.Value.Issuer,
            claims: claims,
            notBefore: now,
            expires: expires,
            signingCredentials: new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256));
        return (new JwtSecurityTokenHandler().WriteToken(token), expires);
    }
}
