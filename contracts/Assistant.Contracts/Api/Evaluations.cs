namespace Assistant.Contracts.Api;

public sealed record EvaluationWeightsDto(int Purchaser, int Recipients, int ThirdParty);

/// <summary>
/// Indicator scores 0–100 keyed by 数量, 质量, 时效, 成本 (output) and 社会效益, 经济效益 (effect);
/// 服务对象满意度 is not entered: it comes from the recipients' ratings.
/// </summary>
public sealed record AppliedWeightsDto(decimal Purchaser, decimal Recipients, decimal ThirdParty);

public sealed record CreateEvaluationRequest(
    string? Period,
    Dictionary<string, decimal>? PurchaserIndicators,
    Dictionary<string, decimal>? ThirdPartyIndicators,
    bool FraudFound = false);

public sealed record EvaluationDto(
    string Id,
    string ContractId,
    string ProjectId,
    string ProjectName,
    string OrganisationId,
    string ProviderName,
    string Period,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    EvaluationWeightsDto Weights,
    // The weights actually applied: the recipients' share moves to the others when there were too few ratings.
    AppliedWeightsDto AppliedWeights,
    IReadOnlyDictionary<string, decimal> PurchaserIndicators,
    IReadOnlyDictionary<string, decimal> ThirdPartyIndicators,
    decimal PurchaserScore,
    decimal ThirdPartyScore,
    decimal? RecipientScore,
    int RatingCount,
    int MinimumRatings,
    bool TooFewRatings,
    decimal CompositeScore,
    string Grade,
    string GradeLabel,
    decimal PaymentReleaseShare,
    decimal PaymentReleased,
    bool RenewalEligible,
    decimal FutureBidPreference,
    bool FraudFound,
    bool BlacklistProposed,
    bool Published,
    DateTime? PublishedAt,
    DateTime CreatedAt);

public sealed record PendingContractEvaluationDto(string ContractId, string ProjectId, string ProjectName, string Department, string OrganisationId, DateTime? PeriodEnd, DateTime? EvaluationDue);

/// <summary>A published evaluation as disclosed to the public (信息公开).</summary>
public sealed record DisclosedEvaluationDto(
    string Id,
    string ProjectId,
    string ProjectName,
    string Department,
    string OrganisationId,
    string ProviderName,
    string Period,
    decimal CompositeScore,
    string GradeLabel,
    decimal? RecipientScore,
    int RatingCount,
    bool TooFewRatings,
    DateTime PublishedAt);

/// <summary>中标（成交）结果 as published: who won and for how much. Nothing about the bids that lost.</summary>
public sealed record PublishedAwardDto(
    string OrganisationId,
    string ProviderName,
    string? CreditCode,
    DateTime AwardedAt,
    decimal? ContractAmount,
    DateTime? ServiceStart,
    DateTime? ServiceEnd);

/// <summary>What the public may see of how a project went: its award and its published evaluations.</summary>
public sealed record ProjectResultsDto(string ProjectId, PublishedAwardDto? Award, IReadOnlyList<DisclosedEvaluationDto> Evaluations);
