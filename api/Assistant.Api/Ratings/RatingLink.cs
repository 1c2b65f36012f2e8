using Assistant.Platform.Storage;

namespace Assistant.Api.Ratings;

/// <summary>
/// A rating link handed to recipients (QR code on a visit sheet or a notice at the school gate). The token carries
/// its id, contract, visit and expiry under an HMAC; the stored link lets staff list and revoke links.
/// </summary>
public sealed class RatingLink : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string ContractId { get; init; }
    public required string ProjectId { get; init; }
    public required string OrganisationId { get; init; }
    public required string Department { get; init; }
    /// <summary>Optional service visit label chosen by staff (e.g. "2026-03-05 助餐"); one rating per link per visit.</summary>
    public string? Visit { get; init; }
    public DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public string RatingKey => Rating.KeyFor(Id, Visit);
}
