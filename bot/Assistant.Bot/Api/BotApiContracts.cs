using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Api;

// Account-link DTOs are being added to contracts by the access feature; they live here, in the exact shape agreed in
// the brief, until that lands on main. Policy answers use the shared PolicyAnswerDto.

public sealed record AccountLinkRedeemRequest(string Code, string ChannelUserId);

public sealed record LinkedAccount(string Username, string? DisplayName, IReadOnlyList<string> Roles, string? OrganisationId, string? Department);

public interface IPolicyAnswersApi
{
    [Get("/api/policies/answer")]
    Task<PolicyAnswerDto> AnswerAsync(string q, CancellationToken ct = default);
}

public interface IAccountLinksApi
{
    [Post("/api/account-links/redeem")]
    Task<LinkedAccount> RedeemAsync([Body] AccountLinkRedeemRequest request, CancellationToken ct = default);
}
