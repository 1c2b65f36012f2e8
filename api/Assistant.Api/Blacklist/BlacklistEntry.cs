using Assistant.Platform.Storage;

namespace Assistant.Api.Blacklist;

/// <summary>黑名单: a provider excluded from purchasing for a period (fraud, taking funds by deception…). Never deleted; lifted by date or by a recorded decision.</summary>
public sealed class BlacklistEntry : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string OrganisationId { get; init; }
    public required string CreditCode { get; init; }
    public required string Reason { get; init; }
    public DateTime From { get; init; }
    public DateTime Until { get; set; }
    public string AddedBy { get; init; } = "";
    public DateTime? LiftedAt { get; set; }
    public string? LiftReason { get; set; }

    public bool InForce(DateTime now) => LiftedAt is null && From <= now && now < Until;
}
