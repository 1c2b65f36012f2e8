using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Projects;

namespace Assistant.Api.Demo;

/// <summary>
/// A final, published 绩效评价 for each demo project whose service has ended (Evaluated, Closed), computed and built
/// as a real one is (EvaluationCalculator, EvaluationsApi.NewEvaluation), so the public project pages and the exports
/// show results from the first start.
/// </summary>
internal static class DemoEvaluations
{
    private static readonly decimal[][] Purchaser = [[92, 88, 90, 86, 91, 87], [84, 80, 82, 85, 79, 81], [76, 72, 70, 80, 74, 71]];
    private static readonly decimal[][] ThirdParty = [[90, 86, 88, 84, 89, 85], [82, 78, 80, 83, 77, 79], [72, 70, 68, 75, 70, 69]];

    public static IEnumerable<Evaluation> For(IEnumerable<(Project Project, Contract Contract)> finished, EvaluationOptions options) =>
        finished.Select((x, i) =>
        {
            var (project, contract) = x;
            var request = new CreateEvaluation("contract", Indicators(Purchaser[i % Purchaser.Length]), Indicators(ThirdParty[i % ThirdParty.Length]), FraudFound: false);
            var result = EvaluationCalculator.Compute(
                new EvaluationInput(options.DefaultWeights, request.PurchaserIndicators!, request.ThirdPartyIndicators!, [], FraudFound: false), options);
            var done = project.ServiceEnd ?? contract.PeriodEnd;
            var evaluation = EvaluationsApi.NewEvaluation(contract, new EvaluationPeriod("contract", contract.PeriodStart, contract.PeriodEnd),
                options.DefaultWeights, request, result, options, done.AddDays(10), "staff");
            evaluation.Published = true;
            evaluation.PublishedAt = done.AddDays(20);
            evaluation.PublishedBy = "finance";
            return evaluation;
        });

    private static Dictionary<string, decimal> Indicators(decimal[] scores) =>
        EvaluationCalculator.Indicators.Zip(scores).ToDictionary(p => p.First, p => p.Second);
}
