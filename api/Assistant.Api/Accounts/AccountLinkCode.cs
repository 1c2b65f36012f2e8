using Assistant.Platform.Storage;

namespace Assistant.Api.Accounts;

/// <summary>
/// A one-time code that links a chat user to an account. The code itself is never stored: <see cref="Id"/> is its HMAC
/// under the server's key, so reading the store does not reveal live codes.
/// </summary>
public sealed class AccountLinkCode : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string Username { get; init; }
    public required string IssuedBy { get; init; }
    public DateTime IssuedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? RedeemedAt { get; set; }
    public string? RedeemedByChannelUser { get; set; }
    /// <summary>Superseded by a newer code for the same account (one live code per account).</summary>
    public bool Revoked { get; set; }

    public bool IsLive(DateTime now) => RedeemedAt is null && !Revoked && now < ExpiresAt;
}

/// <summary>Wrong codes typed by one chat user (Id = channel user id), or by everyone together (Id = "*").</summary>
public sealed class LinkAttempts : IDocument
{
    public const string AllChannels = "*";
    public required string Id { get; init; }
    public long Version { get; set; }
    public int Failures { get; set; }
    public DateTime WindowStart { get; set; }
    public DateTime? LockedUntil { get; set; }
}

public sealed class AccountLinkOptions
{
    public const string Section = "AccountLinks";
    public int CodeLifetimeMinutes { get; set; } = 10;
    /// <summary>Wrong codes one chat user may type before being locked out.</summary>
    public int MaxFailures { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 30;
    /// <summary>
    /// Wrong codes from all chat users together within <see cref="GlobalWindowMinutes"/> before redeeming pauses: a chat
    /// client chooses its own user id, so the per-user lock alone would not stop guessing across made-up ids.
    /// </summary>
    public int MaxGlobalFailures { get; set; } = 200;
    public int GlobalWindowMinutes { get; set; } = 10;
}
