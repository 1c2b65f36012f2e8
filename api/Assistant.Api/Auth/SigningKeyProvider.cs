using System.Security.Cryptography;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Api.Auth;

/// <summary>A secret generated at run time and kept in the store, never in the repository.</summary>
public sealed class Secret : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string Value { get; init; }
}

/// <summary>
/// The JWT signing key: from configuration when given, else generated once and stored, so every instance
/// (and every restart) signs and validates with the same key.
/// </summary>
public sealed class SigningKeyProvider(IDocumentStore store, IOptions<AuthOptions> options)
{
    private const string SecretId = "jwt-signing-key";
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(store, options.Value));

    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(IDocumentStore store, AuthOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
            return new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));
        var secrets = store.Collection<Secret>();
        var existing = secrets.GetAsync(SecretId).GetAwaiter().GetResult();
        if (existing is null)
        {
            var generated = new Secret { Id = SecretId, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)) };
            try
            {
                secrets.InsertAsync(generated).GetAwaiter().GetResult();
                existing = generated;
            }
            catch (DuplicateKeyException)
            {
                // Another instance generated it first: use theirs.
                existing = secrets.GetAsync(SecretId).GetAwaiter().GetResult()!;
            }
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(existing.Value));
    }
}
