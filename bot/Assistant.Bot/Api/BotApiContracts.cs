using Refit;

namespace Assistant.Bot.Api;

// Calls whose DTOs are being added to contracts by other features (policies, account links). They live here, in the
// exact shape agreed in the brief, until those land on main; then the bot switches to the shared records.

public sealed record PolicyPassage(string Text, string DocumentTitle, string? DocNumber, string Section, double Score);

public sealed record PolicyAnswer(IReadOnlyList<PolicyPassage> Answers, bool Confident, IReadOnlyList<string>? SuggestedQuestions, string? Summary = null);

public sealed record AccountLinkRedeemRequest(string Code, string ChannelUserId);

public sealed record LinkedAccount(string Username, string? DisplayName, IReadOnlyList<string> Roles, string? OrganisationId, string? Department);

public interface IPolicyAnswersApi
{
    [Get("/api/policies/answer")]
    Task<PolicyAnswer> AnswerAsync(string q, CancellationToken ct = default);
}

public interface IAccountLinksApi
{
    [Post("/api/account-links/redeem")]
    Task<LinkedAccount> RedeemAsync([Body] AccountLinkRedeemRequest request, CancellationToken ct = default);
}
