using Assistant.Contracts.Domain;

namespace Assistant.Contracts.Api;

/// <summary>
/// 承接主体 registration. <see cref="Kind"/> is what the organisation says it is; the credit code's registration
/// authority must agree. <see cref="Username"/>/<see cref="Password"/> optionally create the organisation's own
/// account (role organisation) so it can sign in and bid once verified.
/// </summary>
public sealed record RegisterOrganisationRequest(
    string? Name,
    string? CreditCode,
    ProviderKind? Kind,
    string? LegalRepresentative,
    string? ContactMobile,
    IReadOnlyList<string>? ServiceCategories,
    IReadOnlyList<string>? Regions,
    DateTime? EstablishedOn,
    IReadOnlyList<string>? Qualifications = null,
    string? Username = null,
    string? Password = null);

public sealed record OrganisationDto(
    string Id,
    string Name,
    string CreditCode,
    ProviderKind Kind,
    string KindLabel,
    string LegalRepresentative,
    string ContactMobile,
    IReadOnlyList<string> ServiceCategories,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Qualifications,
    DateTime EstablishedOn,
    OrganisationStatus Status,
    string StatusLabel,
    string? RejectionReason,
    DateTime RegisteredAt,
    DateTime? DecidedAt);

/// <summary>Returned once on registration: <see cref="RegistrationKey"/> lets the registrant (e.g. the bot for an anonymous chat user) fetch the outcome later.</summary>
public sealed record RegistrationResultDto(OrganisationDto Organisation, string RegistrationKey, string? Username, string Message);

public sealed record RejectOrganisationRequest(string? Reason);

public sealed record OutcomeNoticeRequest(string? RegistrationKey);

/// <summary>The verification outcome the organisation has not yet been told about.</summary>
public sealed record OutcomeNoticeDto(string OrganisationId, OrganisationStatus Status, string? Reason, string Message);

/// <summary>One open project checked against one organisation: why it fits, or every reason it does not.</summary>
public sealed record ProjectEligibilityDto(ProjectSummaryDto Project, bool Eligible, IReadOnlyList<string> Fits, IReadOnlyList<string> Reasons);

public sealed record EligibilityResultDto(
    string OrganisationId,
    bool CanBid,
    string? BlockedReason,
    IReadOnlyList<ProjectEligibilityDto> Eligible,
    IReadOnlyList<ProjectEligibilityDto> NotEligible);

public sealed record AskQuestionRequest(string? Question);

public sealed record AnswerQuestionRequest(string? Answer);

/// <summary>A clarification as published: never names the asker. <see cref="Mine"/> only tells the asker it is theirs.</summary>
public sealed record QuestionDto(string Id, string ProjectId, string Question, string? Answer, DateTime AskedAt, DateTime? AnsweredAt, bool Mine);

/// <summary><see cref="SubmissionId"/> (optional, client-chosen) makes a retried request return the same receipt instead of a new revision.</summary>
public sealed record SubmitBidRequest(decimal? Price, string? PlanSummary, bool DeclaredNotExcluded, string? SubmissionId = null);

public sealed record BidReceiptDto(
    string ProjectId,
    string OrganisationId,
    string ReceiptNumber,
    decimal Price,
    DateTime SubmittedAt,
    int Revision,
    bool ReplacedEarlierBid,
    string Message);

public sealed record BidRevisionDto(decimal Price, string PlanSummary, DateTime SubmittedAt, string ReceiptNumber);

public sealed record BidDto(
    string ProjectId,
    string OrganisationId,
    string OrganisationName,
    decimal Price,
    string PlanSummary,
    bool DeclaredNotExcluded,
    DateTime SubmittedAt,
    string ReceiptNumber,
    decimal? EvaluationScore,
    bool Awarded,
    IReadOnlyList<BidRevisionDto> History);

public sealed record PublishProjectRequest(DateTime? ClarificationDeadline = null, DateTime? BidDeadline = null, string? MethodJustification = null);

/// <summary>Optionally records why a non-default method is used (required for 单一来源, and above the tender threshold).</summary>
public sealed record OpenBiddingRequest(string? MethodJustification = null);

public sealed record ReasonRequest(string? Reason);

public sealed record PaymentInstalmentDto(string Name, decimal Amount, DateTime Due, bool DependsOnEvaluation, DateTime? PaidAt);

/// <summary>Contract terms given at award; anything left out is taken from the project (scope = content, quality = service standard…).</summary>
public sealed record ContractTermsDto(
    string? Scope = null,
    string? Quantity = null,
    string? Quality = null,
    DateTime? PeriodStart = null,
    DateTime? PeriodEnd = null,
    IReadOnlyList<PaymentInstalmentDto>? PaymentSchedule = null,
    string? Liabilities = null);

public sealed record AwardRequest(
    string? OrganisationId,
    string? EvaluationNotes,
    IReadOnlyDictionary<string, decimal>? Scores,
    ContractTermsDto? Contract = null);

public sealed record ContractDto(
    string Id,
    string ProjectId,
    string OrganisationId,
    string Department,
    decimal Amount,
    string Scope,
    string Quantity,
    string Quality,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    IReadOnlyList<PaymentInstalmentDto> PaymentSchedule,
    string Liabilities,
    DateTime SignedAt);

public sealed record AwardResultDto(ProjectDetailsDto Project, ContractDto Contract);

public sealed record AddBlacklistRequest(string? OrganisationId, string? Reason, DateTime? Until);

public sealed record BlacklistEntryDto(
    string Id,
    string OrganisationId,
    string OrganisationName,
    string CreditCode,
    string Reason,
    DateTime From,
    DateTime Until,
    bool InForce,
    DateTime? LiftedAt,
    string? LiftReason);

public sealed record CreditBidDto(string ProjectId, string ProjectName, DateTime SubmittedAt, bool Awarded, decimal? EvaluationScore);

public sealed record CreditAwardDto(string ProjectId, string ProjectName, string? ContractId, decimal? Amount, DateTime? AwardedAt);

public sealed record CreditEvaluationDto(string ProjectId, string Period, decimal? CompositeScore, string? Grade, DateTime? PublishedAt);

/// <summary>信用记录: what the provider did (bids, awards), how it went (evaluations, ratings) and any sanctions.</summary>
public sealed record CreditRecordDto(
    string OrganisationId,
    string Name,
    OrganisationStatus Status,
    IReadOnlyList<CreditBidDto> Bids,
    IReadOnlyList<CreditAwardDto> Awards,
    IReadOnlyList<CreditEvaluationDto> Evaluations,
    int RatingCount,
    decimal? AverageRating,
    IReadOnlyList<BlacklistEntryDto> Sanctions);
