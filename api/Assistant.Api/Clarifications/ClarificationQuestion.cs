using Assistant.Platform.Storage;

namespace Assistant.Api.Clarifications;

/// <summary>澄清问题: asked by a provider, answered by staff, published to everyone without the asker's identity.</summary>
public sealed class ClarificationQuestion : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string ProjectId { get; init; }
    /// <summary>Kept for staff and audit; never in public output.</summary>
    public required string AskedByOrganisationId { get; init; }
    public required string Question { get; init; }
    public DateTime AskedAt { get; init; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? AnsweredBy { get; set; }
}
