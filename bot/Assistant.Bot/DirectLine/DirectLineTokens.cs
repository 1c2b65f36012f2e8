using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.DirectLine;

public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>When set, only callers presenting it may create conversations (like a real Direct Line secret). Empty: open for local runs.</summary>
    public string? Secret { get; set; }

    /// <summary>HMAC key for tokens; when empty one is generated and kept in the store (shared by all instances).</summary>
    public string? TokenKey { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 60;
}

/// <summary>A verified token: which conversation and user it grants.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed tokens bound to one conversation and one user: payload.signature, both base64url, HMAC-SHA256.
/// A token for conversation A can never read or post to conversation B.
/// </summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, IDocumentStore store, TimeProvider clock)
{
    private const string StoredKeyId = "token-key";
    private byte[]? _key;

    public TimeSpan Lifetime => TimeSpan.FromMinutes(Math.Max(1, options.Value.TokenLifetimeMinutes));

    public async Task<string> IssueAsync(string conversationId, string userId, CancellationToken ct)
    {
        var payload = new Payload(conversationId, userId, (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        return $"{body}.{Base64Url(HMACSHA256.HashData(await KeyAsync(ct), Encoding.ASCII.GetBytes(body)))}";
    }

    /// <summary>Null when malformed, forged or expired.</summary>
    public async Task<DirectLineGrant?> VerifyAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Split('.') is not [var body, var signature]) return null;
        var expected = HMACSHA256.HashData(await KeyAsync(ct), Encoding.ASCII.GetBytes(body));
        byte[] given, json;
        try { given = FromBase64Url(signature); json = FromBase64Url(body); }
        catch (FormatException) { return null; }
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return null;
        var payload = JsonSerializer.Deserialize<Payload>(json);
        if (payload is null) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        return expires <= clock.GetUtcNow() ? null : new DirectLineGrant(payload.C, payload.U, expires);
    }

    public bool IsSecret(string? bearer) =>
        !string.IsNullOrEmpty(options.Value.Secret) && bearer is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), Encoding.UTF8.GetBytes(options.Value.Secret));

    public bool SecretRequired => !string.IsNullOrEmpty(options.Value.Secret);

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        if (_key is not null) return _key;
        if (!string.IsNullOrEmpty(options.Value.TokenKey)) return _key = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.TokenKey));
        var keys = store.Collection<DirectLineKey>();
        var stored = await keys.GetAsync(StoredKeyId, ct);
        if (stored is null)
        {
            try { await keys.InsertAsync(stored = new DirectLineKey { Id = StoredKeyId, Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, ct); }
            catch (DuplicateKeyException) { stored = await keys.GetAsync(StoredKeyId, ct); } // another instance won the race
        }
        return _key = Convert.FromBase64String(stored!.Key);
    }

    private sealed record Payload(string C, string U, long Exp);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
