using Assistant.Platform.Storage;

namespace Assistant.Api.Ratings;

public enum RectificationStatus
{
    Open,
    Responded,
    Closed,
}

/// <summary>差评整改: opened by a 不满意/非常不满意 rating; the provider must respond before <see cref="DueAt"/> (working days).</summary>
public sealed class RectificationCase : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string RatingId { get; init; }
    public required string ContractId { get; init; }
    public required string ProjectId { get; init; }
    public required string OrganisationId { get; init; }
    public DateTime OpenedAt { get; init; }
    public DateTime DueAt { get; init; }
    public RectificationStatus Status { get; set; }
    public string? ProviderResponse { get; set; }
    public DateTime? RespondedAt { get; set; }
    public string? StaffFollowUp { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    /// <summary>Every follow-up note in order (the latest is also in <see cref="StaffFollowUp"/>).</summary>
    public List<string> FollowUps { get; set; } = [];
    /// <summary>The recipient's rating of the fix, when given.</summary>
    public string? FixRatingId { get; set; }
    public int? FixScore { get; set; }
    /// <summary>Overdue while the provider has not answered by the deadline (a late answer still shows it was late, via RespondedAt).</summary>
    public bool IsOverdue(DateTime now) => Status == RectificationStatus.Open && now > DueAt;
}
