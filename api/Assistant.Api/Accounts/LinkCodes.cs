using System.Security.Cryptography;
using System.Text;
using Assistant.Api.Auth;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Accounts;

/// <summary>Generates and looks up link codes by their keyed hash.</summary>
public sealed class LinkCodes(IDocumentStore store, SigningKeyProvider keys, IOptions<AccountLinkOptions> options, TimeProvider clock)
{
    public string Hash(string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(keys.Key.Key, Encoding.UTF8.GetBytes("account-link:" + code)));

    /// <summary>Issues a fresh code for the account and revokes its earlier live ones (one live code per account).</summary>
    public async Task<(string Code, AccountLinkCode Record)> IssueAsync(User user, string issuedBy, CancellationToken ct)
    {
        var codes = store.Collection<AccountLinkCode>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var earlier in await codes.FindAsync(c => c.Username == user.Id && c.RedeemedAt == null && !c.Revoked, ct: ct))
        {
            earlier.Revoked = true;
            await codes.ReplaceAsync(earlier, ct);
        }
        for (var attempt = 0; ; attempt++)
        {
            var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
            var id = Hash(code);
            var existing = await codes.GetAsync(id, ct);
            // A live code with the same digits belongs to someone else: draw again. Spent ones are overwritten.
            if (existing is not null && existing.IsLive(now) && attempt < 20) continue;
            var record = new AccountLinkCode
            {
                Id = id, Username = user.Id, IssuedBy = issuedBy, IssuedAt = now,
                ExpiresAt = now.AddMinutes(options.Value.CodeLifetimeMinutes),
            };
            await codes.UpsertAsync(record, ct);
            return (code, record);
        }
    }
}
