using Assistant.Contracts.Api;

namespace Assistant.Api.Evaluations;

public static class EvaluationMappings
{
    public static EvaluationDto AsDto(this Evaluation e, string projectName, string providerName) => new(
        e.Id, e.ContractId, e.ProjectId, projectName, e.OrganisationId, providerName, e.Period, e.PeriodStart, e.PeriodEnd,
        new EvaluationWeightsDto(e.Weights.Purchaser, e.Weights.Recipients, e.Weights.ThirdParty),
        new AppliedWeightsDto(e.AppliedWeights.Purchaser, e.AppliedWeights.Recipients, e.AppliedWeights.ThirdParty),
        e.PurchaserIndicators, e.ThirdPartyIndicators, e.PurchaserScore ?? 0, e.ThirdPartyScore ?? 0, e.RecipientScore,
        e.RatingCount, e.MinimumRatings, e.TooFewRatings, e.CompositeScore ?? 0, e.Grade?.ToString() ?? "", e.Grade?.Label() ?? "",
        e.PaymentReleaseShare, e.PaymentReleased, e.RenewalEligible, e.FutureBidPreference, e.FraudFound, e.BlacklistProposed,
        e.Published, e.PublishedAt, e.CreatedAt);

    public static DisclosedEvaluationDto AsDisclosed(this Evaluation e, string projectName, string department, string providerName) => new(
        e.Id, e.ProjectId, projectName, department, e.OrganisationId, providerName, e.Period, e.CompositeScore ?? 0,
        e.Grade?.Label() ?? "", e.TooFewRatings ? null : e.RecipientScore, e.RatingCount, e.TooFewRatings, e.PublishedAt ?? e.CreatedAt);
}
