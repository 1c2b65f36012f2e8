using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Projects;

namespace Assistant.Api.Demo;

/// <summary>
/// A final, published 绩效评价 for each demo project whose service has ended (Evaluated, Closed), computed by the
/// same calculator as a real one, so the public project pages and the exports show results from the first start.
/// </summary>
internal static class DemoEvaluations
{
    private static readonly decimal[][] Purchaser = [[92, 88, 90, 86, 91, 87], [84, 80, 82, 85, 79, 81], [76, 72, 70, 80, 74, 71]];
    private static readonly decimal[][] ThirdParty = [[90, 86, 88, 84, 89, 85], [82, 78, 80, 83, 77, 79], [72, 70, 68, 75, 70, 69]];

    public static IEnumerable<Evaluation> For(IEnumerable<(Project Project, Contract Contract)> finished, EvaluationOptions options, DateTime now) =>
        finished.Select((x, i) =>
        {
            var purchaser = Indicators(Purchaser[i % Purchaser.Length]);
            var thirdParty = Indicators(ThirdParty[i % ThirdParty.Length]);
            var result = EvaluationCalculator.Compute(new EvaluationInput(options.DefaultWeights, purchaser, thirdParty, [], FraudFound: false), options);
            var (project, contract) = x;
            var done = project.ServiceEnd ?? contract.PeriodEnd;
            return new Evaluation
            {
                Id = $"PJ-{contract.Id}-contract", ContractId = contract.Id, ProjectId = project.Id, OrganisationId = contract.OrganisationId,
                Period = "contract", PeriodStart = contract.PeriodStart, PeriodEnd = contract.PeriodEnd, Weights = options.DefaultWeights,
                AppliedWeights = result.Applied, PurchaserIndicators = purchaser, ThirdPartyIndicators = thirdParty,
                PurchaserScore = result.PurchaserScore, ThirdPartyScore = result.ThirdPartyScore, RecipientScore = result.RecipientScore,
                RatingCount = result.RatingCount, MinimumRatings = options.MinimumRatings, TooFewRatings = result.TooFewRatings,
                CompositeScore = result.Composite, Grade = result.Grade, PaymentReleaseShare = result.PaymentReleaseShare,
                PaymentReleased = Math.Round(contract.PaymentSchedule.Where(p => p.DependsOnEvaluation).Sum(p => p.Amount) * result.PaymentReleaseShare, 2),
                RenewalEligible = result.RenewalEligible, FutureBidPreference = result.BidPreference, Final = true,
                CreatedAt = done.AddDays(10), CreatedBy = "staff", Published = true, PublishedAt = done.AddDays(20), PublishedBy = "finance",
            };
        });

    private static Dictionary<string, decimal> Indicators(decimal[] scores) =>
        EvaluationCalculator.Indicators.Zip(scores).ToDictionary(p => p.First, p => p.Second);
}
