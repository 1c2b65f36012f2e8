using Assistant.Platform.Storage;

namespace Assistant.Api.Bids;

/// <summary>
/// 投标: one per organisation per project (Id = "{projectId}|{organisationId}", so the store enforces it).
/// Resubmission before the deadline replaces the offer and keeps the earlier ones in <see cref="History"/>.
/// Sealed: only its own organisation sees it, staff only after bidding closes.
/// </summary>
public sealed class Bid : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string ProjectId { get; init; }
    public required string OrganisationId { get; init; }
    public decimal Price { get; set; }
    public string PlanSummary { get; set; } = "";
    public bool DeclaredNotExcluded { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string ReceiptNumber { get; set; } = "";
    /// <summary>The client's id for the submission now in force: a retry of the same request is answered with the same receipt.</summary>
    public string? SubmissionId { get; set; }
    public decimal? EvaluationScore { get; set; }
    public bool Awarded { get; set; }
    /// <summary>The evaluation committee's notes, recorded at award on every bid of the project.</summary>
    public string? EvaluationNotes { get; set; }
    public List<BidRevision> History { get; set; } = [];

    public static string IdFor(string projectId, string organisationId) => $"{projectId}|{organisationId}";
}

public sealed class BidRevision
{
    public decimal Price { get; set; }
    public string PlanSummary { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    public string ReceiptNumber { get; set; } = "";
}
