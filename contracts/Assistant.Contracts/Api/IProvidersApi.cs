using Refit;

namespace Assistant.Contracts.Api;

/// <summary>
/// Providers (承接主体): registration, eligibility, clarifications, bidding, blacklist, credit record; and the staff
/// steps that move a project through procurement. Errors come back as ProblemDetails (Refit ApiException).
/// </summary>
public interface IProvidersApi
{
    [Post("/api/organisations")]
    Task<RegistrationResultDto> RegisterOrganisationAsync([Body] RegisterOrganisationRequest request, CancellationToken ct = default);

    [Get("/api/organisations/{id}")]
    Task<OrganisationDto> GetOrganisationAsync(string id, CancellationToken ct = default);

    [Post("/api/organisations/{id}/verify")]
    Task<OrganisationDto> VerifyOrganisationAsync(string id, CancellationToken ct = default);

    [Post("/api/organisations/{id}/reject")]
    Task<OrganisationDto> RejectOrganisationAsync(string id, [Body] RejectOrganisationRequest request, CancellationToken ct = default);

    /// <summary>The verification outcome not yet told (200), or nothing to tell (204). Marks it told.</summary>
    [Post("/api/organisations/{id}/outcome-notice")]
    Task<IApiResponse<OutcomeNoticeDto>> TakeOutcomeNoticeAsync(string id, [Body] OutcomeNoticeRequest request, CancellationToken ct = default);

    [Get("/api/organisations/{id}/eligible-projects")]
    Task<EligibilityResultDto> GetEligibleProjectsAsync(
        string id, decimal? minBudget = null, decimal? maxBudget = null,
        DateTime? deadlineFrom = null, DateTime? deadlineTo = null, CancellationToken ct = default);

    [Get("/api/organisations/{id}/credit-record")]
    Task<CreditRecordDto> GetCreditRecordAsync(string id, CancellationToken ct = default);

    [Get("/api/projects/{id}/questions")]
    Task<IReadOnlyList<QuestionDto>> GetQuestionsAsync(string id, CancellationToken ct = default);

    [Post("/api/projects/{id}/questions")]
    Task<QuestionDto> AskQuestionAsync(string id, [Body] AskQuestionRequest request, CancellationToken ct = default);

    [Post("/api/projects/{id}/questions/{questionId}/answer")]
    Task<QuestionDto> AnswerQuestionAsync(string id, string questionId, [Body] AnswerQuestionRequest request, CancellationToken ct = default);

    [Post("/api/projects/{id}/bids")]
    Task<BidReceiptDto> SubmitBidAsync(string id, [Body] SubmitBidRequest request, CancellationToken ct = default);

    [Get("/api/projects/{id}/bids/mine")]
    Task<BidDto> GetMyBidAsync(string id, CancellationToken ct = default);

    [Get("/api/projects/{id}/bids")]
    Task<IReadOnlyList<BidDto>> GetBidsAsync(string id, CancellationToken ct = default);

    [Post("/api/projects/{id}/publish")]
    Task<ProjectDetailsDto> PublishAsync(string id, [Body] PublishProjectRequest request, CancellationToken ct = default);

    [Post("/api/projects/{id}/open-bidding")]
    Task<ProjectDetailsDto> OpenBiddingAsync(string id, [Body] OpenBiddingRequest request, CancellationToken ct = default);

    [Post("/api/projects/{id}/close-bidding")]
    Task<ProjectDetailsDto> CloseBiddingAsync(string id, CancellationToken ct = default);

    [Post("/api/projects/{id}/award")]
    Task<AwardResultDto> AwardAsync(string id, [Body] AwardRequest request, CancellationToken ct = default);

    [Post("/api/projects/{id}/declare-unsuccessful")]
    Task<ProjectDetailsDto> DeclareUnsuccessfulAsync(string id, [Body] ReasonRequest request, CancellationToken ct = default);

    [Post("/api/projects/{id}/cancel")]
    Task<ProjectDetailsDto> CancelAsync(string id, [Body] ReasonRequest request, CancellationToken ct = default);

    [Get("/api/projects/{id}/contract")]
    Task<ContractDto> GetContractAsync(string id, CancellationToken ct = default);

    [Get("/api/blacklist")]
    Task<IReadOnlyList<BlacklistEntryDto>> GetBlacklistAsync(CancellationToken ct = default);

    [Post("/api/blacklist")]
    Task<BlacklistEntryDto> AddToBlacklistAsync([Body] AddBlacklistRequest request, CancellationToken ct = default);

    [Post("/api/blacklist/{id}/lift")]
    Task<BlacklistEntryDto> LiftBlacklistAsync(string id, [Body] ReasonRequest request, CancellationToken ct = default);
}
