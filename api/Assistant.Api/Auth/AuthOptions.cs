namespace Assistant.Api.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Base64 HMAC key. When empty, a key is generated on first run and kept in the store (shared by all instances).</summary>
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "assistant";
    public int TokenLifetimeMinutes { get; set; } = 480;
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>
    /// The bot's service credential (env ASSISTANT_BOT_SERVICE_KEY). Only from configuration, never stored or generated:
    /// when empty, the BotService scheme rejects every request, so no bot can act for anyone.
    /// </summary>
    public string? BotServiceKey { get; set; }
}
