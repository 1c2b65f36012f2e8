using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Access;

public sealed class ProjectStatusTests(AccessFixture api) : IClassFixture<AccessFixture>
{
    [Fact]
    public async Task Public_status_gives_stage_dates_next_step_and_only_counts_of_open_bad_ratings()
    {
        var status = await api.Anonymous().GetFromJsonAsync<ProjectStatusDto>("/api/projects/sy-2025-001/status", Json.Options);
        Assert.Equal(ProjectStatus.InService, status!.Status);
        Assert.Equal("服务中", status.StatusLabel);
        Assert.False(string.IsNullOrEmpty(status.NextStep));
        Assert.NotNull(status.KeyDates.ServiceStart);
        Assert.Equal(1, status.OpenRectificationCount);
        Assert.Null(status.OpenRectifications);
    }

    [Fact]
    public async Task A_case_past_its_due_date_counts_as_overdue()
    {
        var finance = await api.SignedInAsync("finance");
        var before = await finance.GetFromJsonAsync<ProjectStatusDto>("/api/projects/SY-2025-001/status", Json.Options);
        var open = Assert.Single(before!.OpenRectifications!);
        var now = api.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(open.DueAt < now, open.Overdue);
        if (!open.Overdue) api.Clock.Advance(open.DueAt - now + TimeSpan.FromHours(1));
        var after = await api.Anonymous().GetFromJsonAsync<ProjectStatusDto>("/api/projects/SY-2025-001/status", Json.Options);
        Assert.Equal(1, after!.OverdueRectificationCount);
    }

    [Theory]
    [InlineData("staff", true)]
    [InlineData("finance", true)]
    [InlineData("org", true)]
    [InlineData("org-b", false)]
    [InlineData("staff-b", false)]
    public async Task Open_cases_are_listed_for_the_department_finance_and_the_provider_concerned(string user, bool sees)
    {
        var status = await (await api.SignedInAsync(user)).GetFromJsonAsync<ProjectStatusDto>("/api/projects/SY-2025-001/status", Json.Options);
        if (!sees)
        {
            Assert.True(status!.OpenRectifications is null or { Count: 0 });
            return;
        }
        var open = Assert.Single(status!.OpenRectifications!);
        Assert.Equal("org-kangle", open.OrganisationId);
    }

    [Fact]
    public async Task Drafts_and_unknown_projects_are_404_for_the_public()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/projects/SY-2026-006/status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/projects/NOPE-1/status")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await api.SignedInAsync("finance")).GetAsync("/api/projects/SY-2026-006/status")).StatusCode);
    }

    [Fact]
    public async Task Overdue_award_lists_projects_past_the_bid_deadline_not_yet_awarded_in_scope()
    {
        var all = await (await api.SignedInAsync("finance")).GetFromJsonAsync<List<OverdueAwardDto>>("/api/projects/overdue-award", Json.Options);
        Assert.Contains(all!, p => p.Id == "SY-2026-005" && p.DaysOverdue >= 2);
        Assert.Contains(all!, p => p.Id == "SY-2025-003");
        Assert.All(all!, p => Assert.Contains(p.Status, new[] { ProjectStatus.Published, ProjectStatus.Bidding, ProjectStatus.EvaluatingBids }));
        Assert.DoesNotContain(all!, p => p.Id == "AY-2026-003"); // 流标: not waiting for an award

        var staff = await (await api.SignedInAsync("staff")).GetFromJsonAsync<List<OverdueAwardDto>>("/api/projects/overdue-award", Json.Options);
        Assert.All(staff!, p => Assert.Equal("上虞区民政局", p.Department));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await api.SignedInAsync("org")).GetAsync("/api/projects/overdue-award")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/projects/overdue-award")).StatusCode);
    }

    [Fact]
    public async Task Pending_evaluation_lists_services_due_for_evaluation_by_the_month()
    {
        var finance = await api.SignedInAsync("finance");
        var status = await api.Anonymous().GetFromJsonAsync<ProjectStatusDto>("/api/projects/SY-2025-001/status", Json.Options);
        var due = status!.KeyDates.EvaluationDue!.Value;
        var inMonth = await finance.GetFromJsonAsync<List<EvaluationDueDto>>($"/api/projects/pending-evaluation?month={due:yyyy-MM}", Json.Options);
        Assert.Contains(inMonth!, p => p.Id == "SY-2025-001" && !p.Overdue);
        var monthBefore = await finance.GetFromJsonAsync<List<EvaluationDueDto>>($"/api/projects/pending-evaluation?month={due.AddMonths(-1):yyyy-MM}", Json.Options);
        Assert.DoesNotContain(monthBefore!, p => p.Id == "SY-2025-001");
        Assert.DoesNotContain(inMonth!, p => p.Status is ProjectStatus.Evaluated or ProjectStatus.Closed);

        var bad = await finance.GetAsync("/api/projects/pending-evaluation?month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("month", (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }
}
