using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace Assistant.Bot.Hosting;

/// <summary>
/// The SDK's authentication with its per-turn clients reused. CloudAdapter builds a new ConnectorClient and a new
/// UserTokenClient for every incoming activity, even an expectReplies turn that never calls out, and each
/// constructor compiles Regex objects for its User-Agent header: about 9 % of the bot's CPU under load (perf
/// profile, bench/run.sh bot-turn). The clients hold no per-turn state, so one per app id, service URL and audience
/// serves every turn. The SDK disposes the turn's clients when the turn ends: the cached ones are handed out behind
/// wrappers that ignore Dispose. Caches are bounded because the service URL comes from the request.
/// </summary>
public sealed class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<string, Task<IConnectorClient>> _connectors = new();
    private readonly ConcurrentDictionary<string, Task<UserTokenClient>> _tokenClients = new();

    // The adapter takes its connector factory from the authentication result, not from CreateConnectorFactory.
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Reusing(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new ReusingConnectorFactory(this, inner.CreateConnectorFactory(claimsIdentity), AppIdOf(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Reuse(_tokenClients, AppIdOf(claimsIdentity), async () =>
            (UserTokenClient)new KeptUserTokenClient(await inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    // The claims the SDK takes the calling app id from (v1 tokens: appid, v2: azp) and the audience: one client set each.
    private AuthenticateRequestResult Reusing(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not ReusingConnectorFactory)
            result.ConnectorFactory = new ReusingConnectorFactory(this, factory, AppIdOf(result.ClaimsIdentity));
        return result;
    }

    private static string AppIdOf(ClaimsIdentity identity) => string.Join('|', identity.Claims
        .Where(c => c.Type is AuthenticationConstants.AppIdClaim or AuthenticationConstants.AuthorizedParty or AuthenticationConstants.AudienceClaim)
        .Select(c => $"{c.Type}={c.Value}"));

    private static Task<T> Reuse<T>(ConcurrentDictionary<string, Task<T>> cache, string key, Func<Task<T>> create)
    {
        if (cache.TryGetValue(key, out var cached) && !cached.IsFaulted && !cached.IsCanceled) return cached;
        if (cache.Count >= MaxCached) cache.Clear();
        var made = create();
        cache[key] = made;
        return made;
    }

    private sealed class ReusingConnectorFactory(ReusingBotFrameworkAuthentication owner, ConnectorFactory inner, string appId) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            Reuse(owner._connectors, $"{appId}\n{serviceUrl}\n{audience}", async () =>
                (IConnectorClient)new KeptConnectorClient(await inner.CreateAsync(serviceUrl, audience, CancellationToken.None)));
    }

    private sealed class KeptConnectorClient(IConnectorClient inner) : IConnectorClient
    {
        public Uri BaseUri { get => inner.BaseUri; set => inner.BaseUri = value; }
        public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;
        public ServiceClientCredentials Credentials => inner.Credentials;
        public IAttachments Attachments => inner.Attachments;
        public IConversations Conversations => inner.Conversations;

        public void Dispose()
        {
            // Shared by every turn: the SDK's end-of-turn Dispose must not close it.
        }
    }

    private sealed class KeptUserTokenClient(UserTokenClient inner) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            inner.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            inner.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            inner.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            inner.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            inner.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            inner.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            // Shared by every turn: the SDK's end-of-turn Dispose must not close it.
        }
    }
}
