namespace Assistant.Bot.Api;

/// <summary>
/// The platform user the current turn acts for (null: anonymous public). Set once per turn by the bot; the outgoing
/// API handler reads it, so flows never pass identities around by hand.
/// </summary>
public static class ActingUser
{
    private static readonly AsyncLocal<string?> Current = new();

    public static string? Username => Current.Value;

    public static IDisposable Begin(string? username)
    {
        var previous = Current.Value;
        Current.Value = username;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}

/// <summary>Adds the bot's service key and the acting user to every API call (the agreed bot → API contract).</summary>
public sealed class BotIdentityHandler(Microsoft.Extensions.Options.IOptions<ApiOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Value.BotServiceKey))
            request.Headers.TryAddWithoutValidation("X-Bot-Key", options.Value.BotServiceKey);
        // Some contract methods pass the acting user explicitly; never send the header twice.
        if (ActingUser.Username is { Length: > 0 } user && !request.Headers.Contains("X-Acting-User"))
            request.Headers.TryAddWithoutValidation("X-Acting-User", user);
        return base.SendAsync(request, cancellationToken);
    }
}

public sealed class ApiOptions
{
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Auth:BotServiceKey (ASSISTANT_BOT_SERVICE_KEY), shared with the API.</summary>
    public string? BotServiceKey { get; set; }

    /// <summary>Where project pages live (the mobile web is served by the API); defaults to BaseUrl.</summary>
    public string? PublicBaseUrl { get; set; }

    public string ProjectUrl(string id) => PageUrl($"project.html?id={Uri.EscapeDataString(id)}");

    public string PageUrl(string page) => $"{(PublicBaseUrl ?? BaseUrl).TrimEnd('/')}/{page}";
}
