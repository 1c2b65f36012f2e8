using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Api;

/// <summary>
/// Policy answers (GET /api/policies/answer, shape in contracts' Policies.cs). The knowledge feature has no Refit
/// interface in contracts yet, so the bot declares the one call it makes; a 404 means the endpoint is not deployed.
/// </summary>
public interface IPolicyAnswersApi
{
    [Get("/api/policies/answer")]
    Task<PolicyAnswerDto> AnswerAsync(string q, CancellationToken ct = default);
}
