using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Tests.Projects;

public sealed class ProjectsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _public = factory.CreateClient();

    [Fact]
    public async Task Demo_data_lists_at_least_twenty_disclosed_projects_across_three_regions()
    {
        var page = await _public.GetFromJsonAsync<PageDto<ProjectSummaryDto>>("/api/projects?take=100", Json.Options);
        Assert.True(page!.Total >= 20, $"only {page.Total} projects");
        Assert.True(page.Items.Select(p => p.Region).Distinct().Count() >= 3);
        Assert.True(page.Items.Select(p => p.Status).Distinct().Count() >= 6);
    }

    [Fact]
    public async Task Drafts_are_hidden_from_the_public_but_shown_to_their_department()
    {
        var page = await _public.GetFromJsonAsync<PageDto<ProjectSummaryDto>>("/api/projects?take=100", Json.Options);
        Assert.DoesNotContain(page!.Items, p => p.Status == ProjectStatus.Draft);
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync("/api/projects/SY-2026-006")).StatusCode);

        var finance = await factory.ClientForAsync("finance");
        var draft = await finance.GetFromJsonAsync<ProjectDetailsDto>("/api/projects/SY-2026-006", Json.Options);
        Assert.Equal(ProjectStatus.Draft, draft!.Status);
    }

    [Fact]
    public async Task Filters_by_region_status_and_text_including_traditional_script()
    {
        var bidding = await _public.GetFromJsonAsync<PageDto<ProjectSummaryDto>>("/api/projects?region=上虞区&status=Bidding", Json.Options);
        Assert.NotEmpty(bidding!.Items);
        Assert.All(bidding.Items, p => { Assert.Equal("上虞区", p.Region); Assert.Equal(ProjectStatus.Bidding, p.Status); });

        var simplified = await _public.GetFromJsonAsync<PageDto<ProjectSummaryDto>>("/api/projects?q=居家养老&take=100", Json.Options);
        var traditional = await _public.GetFromJsonAsync<PageDto<ProjectSummaryDto>>("/api/projects?q=" + Uri.EscapeDataString("居家養老") + "&take=100", Json.Options);
        Assert.NotEmpty(simplified!.Items);
        Assert.Equal(simplified.Items.Select(p => p.Id).Order(), traditional!.Items.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task Paging_returns_disjoint_pages_and_the_total()
    {
        var first = await _public.GetFromJsonAsync<PageDto<ProjectSummaryDto>>("/api/projects?skip=0&take=5", Json.Options);
        var second = await _public.GetFromJsonAsync<PageDto<ProjectSummaryDto>>("/api/projects?skip=5&take=5", Json.Options);
        Assert.Equal(5, first!.Items.Count);
        Assert.Empty(first.Items.Select(p => p.Id).Intersect(second!.Items.Select(p => p.Id)));
        Assert.Equal(first.Total, second.Total);
    }

    [Theory]
    [InlineData("/api/projects?take=0", "take")]
    [InlineData("/api/projects?take=1000", "take")]
    [InlineData("/api/projects?skip=-1", "skip")]
    [InlineData("/api/projects?status=Flying", "status")]
    public async Task Bad_query_parameters_get_a_validation_problem_naming_the_field(string url, string field)
    {
        var response = await _public.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.True(problem!.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task Project_details_disclose_what_the_policies_require()
    {
        var p = await _public.GetFromJsonAsync<ProjectDetailsDto>("/api/projects/sy-2026-001", Json.Options);
        Assert.Equal("SY-2026-001", p!.Id);
        Assert.False(string.IsNullOrEmpty(p.Content));
        Assert.False(string.IsNullOrEmpty(p.ServiceStandard));
        Assert.NotEmpty(p.PerformanceTargets);
        Assert.True(p.Budget > 0);
        Assert.NotNull(p.BidDeadline);
        Assert.False(string.IsNullOrEmpty(p.NextStep));
    }

    [Fact]
    public async Task Unknown_project_is_a_problem_details_404()
    {
        var response = await _public.GetAsync("/api/projects/NOPE-1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
