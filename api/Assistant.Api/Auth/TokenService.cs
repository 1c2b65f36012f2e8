using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Api.Auth;

public sealed class TokenService(SigningKeyProvider keys, IOptions<AuthOptions> options, TimeProvider clock)
{
    public (string Token, DateTime ExpiresAt) Issue(User user)
    {
        return Issue(UserClaims.For(user));
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
