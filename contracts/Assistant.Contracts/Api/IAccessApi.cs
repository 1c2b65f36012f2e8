using Refit;

namespace Assistant.Contracts.Api;

/// <summary>
/// Account linking, audit and project status as the bot calls them. The bot's HttpClient sends <c>X-Bot-Key</c> on every
/// call; pass <paramref name="actingUser"/> (the linked username) to act with that user's permissions, null for public.
/// </summary>
public interface IAccessApi
{
    [Post("/api/account-links/redeem")]
    Task<LinkedAccountDto> RedeemLinkCodeAsync([Body] RedeemLinkCodeRequest request, CancellationToken ct = default);

    [Get("/api/projects/{id}/status")]
    Task<ProjectStatusDto> GetProjectStatusAsync(string id, [Header("X-Acting-User")] string? actingUser = null, CancellationToken ct = default);

    [Get("/api/projects/overdue-award")]
    Task<IReadOnlyList<OverdueAwardDto>> GetOverdueAwardAsync([Header("X-Acting-User")] string actingUser, CancellationToken ct = default);

    [Get("/api/projects/pending-evaluation")]
    Task<IReadOnlyList<EvaluationDueDto>> GetPendingEvaluationAsync([Header("X-Acting-User")] string actingUser, string? month = null, CancellationToken ct = default);

    [Post("/api/projects/{id}/deadline")]
    Task<ProjectStatusDto> ExtendBidDeadlineAsync(string id, [Body] ExtendDeadlineRequest request, [Header("X-Acting-User")] string actingUser, CancellationToken ct = default);

    [Get("/api/audit")]
    Task<PageDto<AuditEventDto>> GetAuditAsync([Header("X-Acting-User")] string actingUser, string? projectId = null, string? entityId = null, int skip = 0, int take = 50, CancellationToken ct = default);
}
