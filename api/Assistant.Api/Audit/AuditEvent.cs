using Assistant.Platform.Storage;

namespace Assistant.Api.Audit;

/// <summary>One state change: who, when, what and why. Insert-only; no endpoint edits or deletes audit events.</summary>
public sealed class AuditEvent : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public DateTime At { get; init; }
    public required string Actor { get; init; }
    /// <summary>e.g. "project.transition", "bid.submitted", "organisation.verified", "rating.voided".</summary>
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityId { get; init; }
    public string? ProjectId { get; init; }
    public string? Reason { get; init; }
    public string? Details { get; init; }
    /// <summary>"chat" when the bot made the change for a linked user, "web" for a signed-in client, "system" outside a request.</summary>
    public string Channel { get; init; } = "system";
}
