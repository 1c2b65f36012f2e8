using Refit;

namespace Assistant.Contracts.Api;

/// <summary>
/// Ratings, 整改 and 绩效评价 as the bot calls them. A chat rating is submitted exactly like the mobile page's:
/// it needs the link token (the QR code or link the recipient was given), so the chat cannot rate a contract
/// the user was never asked about, and the idempotency key makes a retried message harmless.
/// </summary>
public interface IRatingsApi
{
    [Get("/api/ratings/links/{token}")]
    Task<RatingLinkInfoDto> GetRatingLinkAsync(string token, CancellationToken ct = default);

    /// <summary>201 the first time, 200 when the same idempotency key is replayed (the same answer).</summary>
    [Post("/api/ratings")]
    Task<RatingSubmittedDto> SubmitRatingAsync([Body] SubmitRatingRequest request, [Header("X-Rating-Channel")] string channel = "chat", CancellationToken ct = default);

    [Post("/api/contracts/{contractId}/rating-links")]
    Task<RatingLinkDto> CreateRatingLinkAsync(string contractId, [Body] CreateRatingLinkRequest request, CancellationToken ct = default);

    [Get("/api/rectifications")]
    Task<IReadOnlyList<RectificationCaseDto>> GetRectificationsAsync(string? organisationId = null, bool? overdue = null, CancellationToken ct = default);

    [Post("/api/rectifications/{id}/respond")]
    Task<RectificationCaseDto> RespondToRectificationAsync(string id, [Body] RespondToRectificationRequest request, CancellationToken ct = default);

    [Get("/api/providers/{organisationId}/rating-trend")]
    Task<RatingTrendDto> GetRatingTrendAsync(string organisationId, CancellationToken ct = default);

    /// <summary>Verified providers whose name holds <paramref name="name"/> (2–50 characters), best match first, at most five.</summary>
    [Get("/api/disclosure/providers")]
    Task<IReadOnlyList<DisclosedProviderDto>> FindProvidersAsync(string name, CancellationToken ct = default);

    [Get("/api/disclosure/providers/{organisationId}/ratings")]
    Task<ProviderRatingStatsDto> GetProviderRatingStatsAsync(string organisationId, CancellationToken ct = default);

    [Get("/api/evaluations/pending")]
    Task<IReadOnlyList<PendingContractEvaluationDto>> GetPendingEvaluationsAsync(CancellationToken ct = default);

    [Get("/api/disclosure/evaluations")]
    Task<IReadOnlyList<DisclosedEvaluationDto>> GetDisclosedEvaluationsAsync(string? organisationId = null, string? projectId = null, CancellationToken ct = default);
}
