namespace Assistant.Contracts.Api;

/// <summary>What the mobile rating page (/rating.html?t=…) shows before the recipient rates; nothing about the recipient.</summary>
public sealed record RatingLinkInfoDto(
    string ContractId,
    string ProjectName,
    string ProviderName,
    // The catalogue item's name (e.g. 居家养老服务).
    string ServiceName,
    // The catalogue item's second-level category (e.g. 养老服务).
    string Category,
    IReadOnlyList<string> Dimensions,
    string? Visit,
    DateTime ExpiresAt,
    bool AlreadyRated,
    int RectificationDays,
    // When this link's rating opened a 整改 case that the provider has answered, the recipient may rate the fix.
    RectificationForRecipientDto? Rectification = null);

/// <summary>The provider's answer to the recipient's complaint, shown to that recipient only (through their own link).</summary>
public sealed record RectificationForRecipientDto(string CaseId, string Status, string? ProviderResponse, bool FixRated);

/// <summary>A rating from the link's holder. <paramref name="RectificationCaseId"/> set = rating the provider's fix of that case.</summary>
public sealed record SubmitRatingRequest(
    string? Token,
    string? IdempotencyKey,
    int Score,
    Dictionary<string, int>? Dimensions = null,
    string? Comment = null,
    string? RectificationCaseId = null);

public sealed record RatingSubmittedDto(string Id, int Score, string? RectificationCaseId, DateTime? RectificationDueAt);

public sealed record CreateRatingLinkRequest(string? Visit = null, int? ValidDays = null);

public sealed record RatingLinkDto(string Token, string Url, DateTime ExpiresAt);

public sealed record RatingLinkSummaryDto(string Id, string ContractId, string? Visit, DateTime CreatedAt, DateTime ExpiresAt, bool Revoked, bool Rated);

public sealed record RectificationCaseDto(
    string Id,
    string ContractId,
    string ProjectId,
    string OrganisationId,
    int RatingScore,
    string RatingLevel,
    // The recipient's plain-text comment (never HTML); no identity of the recipient is stored.
    string? Complaint,
    DateTime OpenedAt,
    DateTime DueAt,
    string Status,
    bool Overdue,
    string? ProviderResponse,
    DateTime? RespondedAt,
    string? StaffFollowUp,
    DateTime? ClosedAt,
    int? FixScore);

public sealed record RespondToRectificationRequest(string? Response);

public sealed record FollowUpRectificationRequest(string? Note, bool Close);

public sealed record VoidRatingRequest(string? Reason);

public sealed record RatingVoidedDto(string Id, bool Voided, string Reason, DateTime VoidedAt);

public sealed record RatingTrendPointDto(string Month, decimal Average, int Count);

public sealed record RatingTrendDto(string OrganisationId, string ProviderName, IReadOnlyList<RatingTrendPointDto> Months);

/// <summary>A verified provider found by name in the public disclosure.</summary>
public sealed record DisclosedProviderDto(string OrganisationId, string Name);

/// <summary>Rating statistics of one provider, per project; never comments or anything about who rated.</summary>
public sealed record ProviderRatingStatsDto(
    string OrganisationId,
    string ProviderName,
    int Count,
    decimal? Average,
    // Count per level label, 非常满意 … 非常不满意.
    IReadOnlyDictionary<string, int> Levels,
    decimal? SatisfactionRate,
    IReadOnlyList<ProjectRatingStatsDto> Projects,
    int RectificationsOpened,
    int RectificationsClosed);

public sealed record ProjectRatingStatsDto(string ProjectId, string ProjectName, int Count, decimal? Average, IReadOnlyDictionary<string, decimal> DimensionAverages);

public sealed record CreateRatingLinkSheetRequest(IReadOnlyList<string> Visits, int? ValidDays = null);

/// <summary>One link of a sheet made for a round of visits, in the order the visits were given.</summary>
public sealed record RatingLinkForVisitDto(string Visit, string Token, string Url, DateTime ExpiresAt);
