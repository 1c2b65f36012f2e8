using Assistant.Api.Tests.Ratings;
using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Tests.Infrastructure;

using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Tests.Evaluations;

public sealed class EvaluationsApiTests : IClassFixture<RatingsFixture>
{
    private readonly RatingsFixture _factory;
    private readonly HttpClient _public;
    private static readonly string[] Indicators = ["数量", "质量", "时效", "成本", "社会效益", "经济效益"];

    public EvaluationsApiTests(RatingsFixture factory)
    {
        _factory = factory;
        factory.Clock.Set(DateTimeOffset.UtcNow);
        _public = factory.CreateClient();
    }

    private DateTime Now => _factory.Clock.GetUtcNow().UtcDateTime;

    private static Dictionary<string, decimal> Scores(params decimal[] values) => Indicators.Zip(values).ToDictionary(x => x.First, x => x.Second);

    [Fact]
    public async Task Weights_must_sum_to_100_and_only_finance_or_the_projects_department_may_set_them()
    {
        var (project, _) = await ServiceFixture.InServiceAsync(_factory.Store, Now, TimeSpan.FromDays(30));
        var staff = await _factory.ClientForAsync("staff");
        var url = $"/api/projects/{project.Id}/evaluation-weights";
        var bad = await staff.PutAsJsonAsync(url, new EvaluationWeightsDto(50, 30, 30));
        Assert.Contains("110", (await RatingKit.ValidationProblemAsync(bad)).Errors["weights"][0]);
        var negative = await staff.PutAsJsonAsync(url, new EvaluationWeightsDto(120, -20, 0));
        Assert.True((await RatingKit.ValidationProblemAsync(negative)).Errors.ContainsKey("recipients"));

        Assert.Equal(HttpStatusCode.Forbidden, (await (await _factory.ClientForAsync("org")).PutAsJsonAsync(url, new EvaluationWeightsDto(40, 40, 20))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/projects/JB-2025-002/evaluation-weights", new EvaluationWeightsDto(40, 40, 20))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await _factory.ClientForAsync("finance")).PutAsJsonAsync("/api/projects/JB-2025-002/evaluation-weights", new EvaluationWeightsDto(40, 40, 20))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync(url, new EvaluationWeightsDto(50, 20, 30))).StatusCode);
        Assert.Equal(new EvaluationWeightsDto(50, 20, 30), await _public.GetFromJsonAsync<EvaluationWeightsDto>(url, Json.Options));
        Assert.Single(await _factory.Store.Collection<AuditEvent>().FindAsync(a => a.EntityId == project.Id && a.Action == "evaluation.weights-set"));
    }

    [Fact]
    public async Task An_evaluation_computed_end_to_end_from_ratings_made_over_http()
    {
        var (project, contract) = await ServiceFixture.InServiceAsync(_factory.Store, Now, TimeSpan.FromDays(5));
        var staff = await _factory.ClientForAsync("staff");
        var finance = await _factory.ClientForAsync("finance");
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/projects/{project.Id}/evaluation-weights", new EvaluationWeightsDto(40, 40, 20))).StatusCode);

        int[] scores = [5, 5, 4, 5, 3, 4, 5, 2, 5, 4, 5, 1];
        var ids = new List<string>();
        for (var i = 0; i < scores.Length; i++)
        {
            var link = await RatingKit.CreateLinkAsync(staff, contract.Id, visit: $"第{i + 1}次助餐");
            ids.Add((await RatingKit.RateAsync(_public, link.Token, scores[i], dimensions: new() { ["服务态度"] = scores[i] })).Id);
        }
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/ratings/{ids[^1]}/void", new VoidRatingRequest("评价人误操作，已电话核实"))).StatusCode);
        Assert.DoesNotContain(await staff.GetFromJsonAsync<List<PendingContractEvaluationDto>>("/api/evaluations/pending", Json.Options) ?? [], p => p.ContractId == contract.Id);

        _factory.Clock.Advance(TimeSpan.FromDays(6));
        staff = await _factory.ClientForAsync("staff");
        finance = await _factory.ClientForAsync("finance");
        Assert.Contains(await staff.GetFromJsonAsync<List<PendingContractEvaluationDto>>("/api/evaluations/pending", Json.Options) ?? [], p => p.ContractId == contract.Id);

        var purchaser = Scores(90, 85, 80, 95, 88, 84);
        var thirdParty = Scores(80, 82, 78, 90, 86, 80);
        var response = await staff.PostAsJsonAsync($"/api/contracts/{contract.Id}/evaluations",
            new CreateEvaluationRequest("contract", purchaser, thirdParty), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evaluation = (await response.Content.ReadFromJsonAsync<EvaluationDto>(Json.Options))!;

        var counted = scores[..^1];
        var recipients = Math.Round((decimal)counted.Average() * 20, 2);
        var p = Math.Round(purchaser.Values.Average(), 2);
        var t = Math.Round(thirdParty.Values.Average(), 2);
        var composite = Math.Round((40 * p + 40 * recipients + 20 * t) / 100, 2);
        Assert.Equal(counted.Length, evaluation.RatingCount);
        Assert.False(evaluation.TooFewRatings);
        Assert.Equal(recipients, evaluation.RecipientScore);
        Assert.Equal(composite, evaluation.CompositeScore);
        var label = composite >= 90 ? "优秀" : composite >= 80 ? "良好" : composite >= 60 ? "合格" : "不合格";
        Assert.Equal(label, evaluation.GradeLabel);
        Assert.Equal(144_000m * evaluation.PaymentReleaseShare, evaluation.PaymentReleased);
        Assert.Equal(label is "优秀" or "良好", evaluation.RenewalEligible);

        var after = await staff.GetFromJsonAsync<ProjectDetailsDto>($"/api/projects/{project.Id}", Json.Options);
        Assert.Equal(ProjectStatus.Evaluated, after!.Status);
        Assert.DoesNotContain(await staff.GetFromJsonAsync<List<PendingContractEvaluationDto>>("/api/evaluations/pending", Json.Options) ?? [], x => x.ContractId == contract.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/contracts/{contract.Id}/evaluations",
            new CreateEvaluationRequest("contract", purchaser, thirdParty), Json.Options)).StatusCode);

        // Not public until finance publishes it.
        Assert.DoesNotContain(await _public.GetFromJsonAsync<List<DisclosedEvaluationDto>>("/api/disclosure/evaluations", Json.Options) ?? [], d => d.Id == evaluation.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/evaluations/{evaluation.Id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsync($"/api/evaluations/{evaluation.Id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostAsync($"/api/evaluations/{evaluation.Id}/publish", null)).StatusCode);
        var disclosed = Assert.Single(await _public.GetFromJsonAsync<List<DisclosedEvaluationDto>>($"/api/disclosure/evaluations?projectId={project.Id}", Json.Options) ?? []);
        Assert.Equal((composite, label, recipients), (disclosed.CompositeScore, disclosed.GradeLabel, disclosed.RecipientScore));

        var actions = (await _factory.Store.Collection<AuditEvent>().FindAsync(a => a.ProjectId == project.Id)).Select(a => a.Action).ToList();
        Assert.Contains("evaluation.created", actions);
        Assert.Contains("project.transition", actions);
        Assert.Contains("evaluation.published", actions);
        Assert.Contains("rating.voided", actions);
    }

    [Fact]
    public async Task Too_few_ratings_are_flagged_and_the_weight_moves_to_the_purchaser_and_third_party()
    {
        var (_, contract) = await ServiceFixture.InServiceAsync(_factory.Store, Now, TimeSpan.FromDays(200));
        var staff = await _factory.ClientForAsync("staff");
        foreach (var score in new[] { 1, 2 })
            await RatingKit.RateAsync(_public, (await RatingKit.CreateLinkAsync(staff, contract.Id)).Token, score);
        var response = await staff.PostAsJsonAsync($"/api/contracts/{contract.Id}/evaluations",
            new CreateEvaluationRequest($"{Now.Year}", Scores(80, 80, 80, 80, 80, 80), Scores(70, 70, 70, 70, 70, 70)), Json.Options);
        var evaluation = (await response.Content.ReadFromJsonAsync<EvaluationDto>(Json.Options))!;
        Assert.True(evaluation.TooFewRatings);
        Assert.Equal(2, evaluation.RatingCount);
        Assert.Equal(0, evaluation.AppliedWeights.Recipients);
        Assert.Equal(100, evaluation.AppliedWeights.Purchaser + evaluation.AppliedWeights.ThirdParty);
        Assert.Equal(Math.Round((evaluation.AppliedWeights.Purchaser * 80 + evaluation.AppliedWeights.ThirdParty * 70) / 100, 2), evaluation.CompositeScore);
        // An interim period (the contract runs on) does not end the service.
        var project = await staff.GetFromJsonAsync<ProjectDetailsDto>($"/api/projects/{contract.ProjectId}", Json.Options);
        Assert.Equal(ProjectStatus.InService, project!.Status);
    }

    [Fact]
    public async Task Fail_with_fraud_proposes_a_blacklisting_and_releases_nothing()
    {
        var (_, contract) = await ServiceFixture.InServiceAsync(_factory.Store, Now, TimeSpan.FromDays(1));
        var staff = await _factory.ClientForAsync("staff");
        var response = await staff.PostAsJsonAsync($"/api/contracts/{contract.Id}/evaluations",
            new CreateEvaluationRequest("contract", Scores(40, 50, 30, 60, 40, 40), Scores(45, 40, 35, 50, 40, 40), FraudFound: true), Json.Options);
        var evaluation = (await response.Content.ReadFromJsonAsync<EvaluationDto>(Json.Options))!;
        Assert.Equal(("不合格", 0m, 0m, true), (evaluation.GradeLabel, evaluation.PaymentReleaseShare, evaluation.PaymentReleased, evaluation.BlacklistProposed));
        Assert.Single(await _factory.Store.Collection<AuditEvent>().FindAsync(a => a.Action == "blacklist.proposed" && a.Details!.Contains(evaluation.Id)));
    }

    [Fact]
    public async Task Bad_evaluation_requests_are_answered_field_by_field_and_wrong_states_refused()
    {
        var (_, contract) = await ServiceFixture.InServiceAsync(_factory.Store, Now, TimeSpan.FromDays(30));
        var staff = await _factory.ClientForAsync("staff");
        var url = $"/api/contracts/{contract.Id}/evaluations";
        var missing = await staff.PostAsJsonAsync(url, new CreateEvaluationRequest("2025-H3", new() { ["数量"] = 80, ["满意度"] = 90, ["质量"] = 101 }, null), Json.Options);
        var errors = (await RatingKit.ValidationProblemAsync(missing)).Errors;
        Assert.True(errors.ContainsKey("purchaserIndicators.满意度"));
        Assert.True(errors.ContainsKey("purchaserIndicators.质量"));
        var badPeriod = await staff.PostAsJsonAsync(url, new CreateEvaluationRequest("去年", Scores(80, 80, 80, 80, 80, 80), null), Json.Options);
        errors = (await RatingKit.ValidationProblemAsync(badPeriod)).Errors;
        Assert.True(errors.ContainsKey("period"));
        Assert.True(errors.ContainsKey("thirdPartyIndicators.数量"));

        var admin = await _factory.ClientForAsync("admin");
        var contracted = await admin.PostAsJsonAsync("/api/contracts/HT-JB-2026-003/evaluations",
            new CreateEvaluationRequest("2026", Scores(80, 80, 80, 80, 80, 80), Scores(80, 80, 80, 80, 80, 80)), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, contracted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync("/api/contracts/HT-JB-2025-002/evaluations",
            new CreateEvaluationRequest("2026", Scores(80, 80, 80, 80, 80, 80), Scores(80, 80, 80, 80, 80, 80)), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _factory.ClientForAsync("org")).GetAsync("/api/evaluations/pending")).StatusCode);
    }
}
