using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Projects;
using Assistant.Api.Tests.Evaluations;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Tests.Disclosure;

/// <summary>GET /api/disclosure/projects/{id}: from whom, for how much, and how well it went, for anyone.</summary>
public sealed class ProjectResultsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _public = factory.CreateClient();

    private static Dictionary<string, decimal> Scores(decimal all) =>
        new[] { "数量", "质量", "时效", "成本", "社会效益", "经济效益" }.ToDictionary(k => k, _ => all);

    private Task<ProjectResultsDto?> ResultsAsync(string id) =>
        _public.GetFromJsonAsync<ProjectResultsDto>($"/api/disclosure/projects/{id}", Json.Options);

    [Fact]
    public async Task An_awarded_project_shows_the_provider_its_credit_code_and_the_contract_amount_and_period()
    {
        var (project, contract) = await ServiceFixture.InServiceAsync(factory.Store, factory.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(30));
        var award = (await ResultsAsync(project.Id))!.Award;
        Assert.NotNull(award);
        Assert.Equal("org-kangle", award.OrganisationId);
        Assert.False(string.IsNullOrWhiteSpace(award.ProviderName));
        Assert.Equal(18, award.CreditCode?.Length);
        Assert.Equal(480_000m, award.ContractAmount);
        Assert.Equal(contract.PeriodEnd, award.ServiceEnd!.Value, TimeSpan.FromMilliseconds(1)); // the store keeps milliseconds
    }

    [Fact]
    public async Task An_evaluation_is_shown_only_once_finance_has_published_it()
    {
        var (project, contract) = await ServiceFixture.InServiceAsync(factory.Store, factory.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(1));
        var staff = await factory.ClientForAsync("staff");
        var created = await staff.PostAsJsonAsync($"/api/contracts/{contract.Id}/evaluations",
            new CreateEvaluationRequest($"{DateTime.UtcNow.Year}", Scores(90), Scores(80)), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var evaluation = (await created.Content.ReadFromJsonAsync<EvaluationDto>(Json.Options))!;
        Assert.Empty((await ResultsAsync(project.Id))!.Evaluations);

        var finance = await factory.ClientForAsync("finance");
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsync($"/api/evaluations/{evaluation.Id}/publish", null)).StatusCode);
        var shown = Assert.Single((await ResultsAsync(project.Id))!.Evaluations);
        Assert.Equal((evaluation.CompositeScore, evaluation.GradeLabel), (shown.CompositeScore, shown.GradeLabel));
    }

    [Fact]
    public async Task A_project_still_open_for_bids_has_no_award_yet() =>
        Assert.Null((await ResultsAsync("SY-2026-001"))!.Award);

    [Fact]
    public async Task Unknown_and_draft_projects_are_not_found_as_problem_details()
    {
        var unknown = await _public.GetAsync("/api/disclosure/projects/XX-2020-999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var now = DateTime.UtcNow;
        var draft = new Project
        {
            Id = $"SY-D{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}", Name = "草稿项目", Department = "上虞区民政局", Region = "上虞区",
            CatalogueCode = "A0101", Category = "居家养老服务", Year = now.Year, Budget = 100_000m, Method = PurchaseMethod.OpenTender, CreatedAt = now,
        };
        await factory.Store.Collection<Project>().InsertAsync(draft);
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/disclosure/projects/{draft.Id}")).StatusCode);
    }
}
