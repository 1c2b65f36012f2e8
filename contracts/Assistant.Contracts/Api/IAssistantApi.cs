using Assistant.Contracts.Domain;
using Refit;

namespace Assistant.Contracts.Api;

/// <summary>
/// The API as the bot (and bench, and tests) call it. The bot sends its service credential as the bearer token
/// and the linked user's identity in <c>X-Acting-User</c>; the API applies that user's permissions.
/// </summary>
public interface IAssistantApi
{
    [Post("/api/auth/token")]
    Task<TokenResponse> CreateTokenAsync([Body] TokenRequest request, CancellationToken ct = default);

    [Get("/api/projects")]
    Task<PageDto<ProjectSummaryDto>> GetProjectsAsync(
        string? q = null, string? region = null, string? category = null, ProjectStatus? status = null,
        int skip = 0, int take = 20, CancellationToken ct = default);

    [Get("/api/projects/{id}")]
    Task<ProjectDetailsDto> GetProjectAsync(string id, CancellationToken ct = default);

    /// <summary>The award and published evaluations (信息公开), as anyone may see them.</summary>
    [Get("/api/disclosure/projects/{id}")]
    Task<ProjectResultsDto> GetProjectResultsAsync(string id, CancellationToken ct = default);

    [Get("/api/catalogue")]
    Task<IReadOnlyList<CatalogueItemDto>> GetCatalogueAsync(int? year = null, CancellationToken ct = default);
}
