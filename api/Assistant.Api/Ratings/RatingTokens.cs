using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Api.Auth;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace Assistant.Api.Ratings;

/// <summary>What a rating link token says; all of it is covered by the signature.</summary>
public sealed record RatingTokenPayload(string LinkId, string ContractId, string? Visit, DateTime ExpiresAt);

/// <summary>
/// Rating link tokens: base64url(JSON payload) "." base64url(HMAC-SHA256). The key is generated once and kept in
/// the store (like the JWT key), separate from it so a leaked link key cannot mint sign-in tokens.
/// Because the contract id is signed, a token cannot be pointed at another contract.
/// </summary>
public sealed class RatingTokens(IDocumentStore store)
{
    private const string SecretId = "rating-link-key";
    private readonly Lazy<byte[]> _key = new(() => LoadKey(store));

    private sealed record Wire(string L, string C, string? V, long E);

    public string Issue(RatingTokenPayload payload)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Wire(payload.LinkId, payload.ContractId, payload.Visit,
            new DateTimeOffset(DateTime.SpecifyKind(payload.ExpiresAt, DateTimeKind.Utc)).ToUnixTimeSeconds()));
        return $"{WebEncoders.Base64UrlEncode(json)}.{WebEncoders.Base64UrlEncode(Sign(json))}";
    }

    /// <summary>Null for anything not issued by us (bad shape, bad signature, altered payload). Expiry is the caller's check.</summary>
    public RatingTokenPayload? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1024) return null;
        var parts = token.Split('.');
        if (parts.Length != 2) return null;
        try
        {
            var json = WebEncoders.Base64UrlDecode(parts[0]);
            var signature = WebEncoders.Base64UrlDecode(parts[1]);
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(json))) return null;
            var wire = JsonSerializer.Deserialize<Wire>(json);
            if (wire is null || string.IsNullOrEmpty(wire.L) || string.IsNullOrEmpty(wire.C)) return null;
            return new RatingTokenPayload(wire.L, wire.C, wire.V, DateTimeOffset.FromUnixTimeSeconds(wire.E).UtcDateTime);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private byte[] Sign(byte[] data) => HMACSHA256.HashData(_key.Value, data);

    private static byte[] LoadKey(IDocumentStore store)
    {
        var secrets = store.Collection<Secret>();
        var existing = secrets.GetAsync(SecretId).GetAwaiter().GetResult();
        if (existing is null)
        {
            var generated = new Secret { Id = SecretId, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            try
            {
                secrets.InsertAsync(generated).GetAwaiter().GetResult();
                existing = generated;
            }
            catch (DuplicateKeyException)
            {
                existing = secrets.GetAsync(SecretId).GetAwaiter().GetResult()!;
            }
        }
        return Convert.FromBase64String(existing.Value);
    }
}
