using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Auth;

public static class BotServiceDefaults
{
    public const string Scheme = "BotService";
    /// <summary>The policy scheme every endpoint authenticates with: bearer JWT, or the bot credential when its header is present.</summary>
    public const string SelectorScheme = "JwtOrBot";
    public const string KeyHeader = "X-Bot-Key";
    public const string ActingUserHeader = "X-Acting-User";
    public const string BotSubject = "bot";
}

/// <summary>
/// The bot's service credential: <c>X-Bot-Key</c> must equal <c>Auth:BotServiceKey</c>. With <c>X-Acting-User</c> the
/// principal is that linked account (loaded from the store, so a changed role or removed account takes effect at once);
/// without it the bot is an anonymous caller that sees public data only.
/// </summary>
public sealed class BotServiceHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<AuthOptions> auth, IDocumentStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(BotServiceDefaults.KeyHeader, out var presented))
            return AuthenticateResult.NoResult();
        var expected = auth.Value.BotServiceKey;
        if (string.IsNullOrWhiteSpace(expected))
            return AuthenticateResult.Fail("Auth:BotServiceKey is not configured");
        if (!KeysEqual(presented.ToString(), expected))
            return AuthenticateResult.Fail("Invalid bot service key");

        var acting = Request.Headers[BotServiceDefaults.ActingUserHeader].ToString().Trim();
        List<Claim> claims;
        if (acting.Length == 0)
        {
            claims = [new(UserClaims.Subject, BotServiceDefaults.BotSubject), new(UserClaims.Name, "机器人"), new(UserClaims.Role, Roles.BotService)];
        }
        else
        {
            var user = acting.Length <= 64 ? await store.Collection<User>().GetAsync(acting.ToLowerInvariant(), Context.RequestAborted) : null;
            if (user is null)
                return AuthenticateResult.Fail("Unknown acting user");
            claims = UserClaims.For(user);
        }
        claims.Add(new Claim(UserClaims.Via, Roles.BotService));
        var identity = new ClaimsIdentity(claims, BotServiceDefaults.Scheme, UserClaims.Name, UserClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), BotServiceDefaults.Scheme));
    }

    /// <summary>Constant time whatever the lengths: compares fixed-size hashes, so the key's length does not leak either.</summary>
    internal static bool KeysEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

/// <summary>
/// A request that presents the bot header but fails it must not quietly continue as an anonymous caller (the bot would
/// believe it acts for a linked user while seeing public data): it is refused with 401 on every endpoint, public ones too.
/// </summary>
public static class BotServiceRejection
{
    public static IApplicationBuilder UseBotServiceRejection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Headers.ContainsKey(BotServiceDefaults.KeyHeader) && context.User.Identity?.IsAuthenticated != true)
        {
            var result = await context.AuthenticateAsync(BotServiceDefaults.Scheme);
            var unknownUser = result.Failure?.Message == "Unknown acting user";
            await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: unknownUser ? "代办用户不存在" : "机器人服务凭据无效",
                detail: unknownUser ? "X-Acting-User 指定的账号不存在，请重新绑定账号" : "X-Bot-Key 不正确或服务端未配置 Auth:BotServiceKey").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
