using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Access;

public sealed class BidDeadlineTests(AccessFixture api) : IClassFixture<AccessFixture>
{
    private async Task<DateTime> CurrentDeadlineAsync(string id) =>
        (await api.Anonymous().GetFromJsonAsync<ProjectStatusDto>($"/api/projects/{id}/status", Json.Options))!.KeyDates.BidDeadline!.Value;

    [Fact]
    public async Task Department_staff_extend_a_bidding_deadline_and_the_change_is_audited()
    {
        var current = await CurrentDeadlineAsync("SY-2026-002");
        var later = current.AddDays(7);
        var response = await (await api.SignedInAsync("staff")).PostAsJsonAsync("/api/projects/SY-2026-002/deadline",
            new ExtendDeadlineRequest(later, "潜在投标人申请延期，澄清文件修改"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<ProjectStatusDto>(Json.Options);
        Assert.Equal(later, status!.KeyDates.BidDeadline);
        Assert.Equal(later, await CurrentDeadlineAsync("SY-2026-002"));

        var audit = await (await api.SignedInAsync("staff")).GetFromJsonAsync<PageDto<AuditEventDto>>("/api/audit?projectId=SY-2026-002", Json.Options);
        var recorded = Assert.Single(audit!.Items, e => e.Action == "project.deadline-extended");
        Assert.Equal("staff", recorded.Actor);
        Assert.Equal("潜在投标人申请延期，澄清文件修改", recorded.Reason);
        Assert.Equal("web", recorded.Channel);
    }

    [Fact]
    public async Task Earlier_or_past_deadlines_are_refused_with_a_reason()
    {
        var staff = await api.SignedInAsync("staff");
        var current = await CurrentDeadlineAsync("SY-2026-004");
        var earlier = await staff.PostAsJsonAsync("/api/projects/SY-2026-004/deadline", new ExtendDeadlineRequest(current.AddDays(-1), "提前"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, earlier.StatusCode);
        Assert.Equal("只能延长，不能提前", (await earlier.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        var past = await staff.PostAsJsonAsync("/api/projects/SY-2026-004/deadline", new ExtendDeadlineRequest(api.Clock.GetUtcNow().UtcDateTime.AddDays(-1), "过去"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Equal(current, await CurrentDeadlineAsync("SY-2026-004"));
    }

    [Fact]
    public async Task Only_open_projects_can_be_extended()
    {
        var finance = await api.SignedInAsync("finance");
        var response = await finance.PostAsJsonAsync("/api/projects/SY-2026-005/deadline",
            new ExtendDeadlineRequest(api.Clock.GetUtcNow().UtcDateTime.AddDays(30), "评标中"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("评标中", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Theory]
    [InlineData("staff-b", HttpStatusCode.Forbidden)]
    [InlineData("org", HttpStatusCode.Forbidden)]
    public async Task Other_departments_and_organisations_are_403(string user, HttpStatusCode expected)
    {
        var current = await CurrentDeadlineAsync("SY-2026-003");
        var response = await (await api.SignedInAsync(user)).PostAsJsonAsync("/api/projects/SY-2026-003/deadline",
            new ExtendDeadlineRequest(current.AddDays(3), "试图延期"));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(current, await CurrentDeadlineAsync("SY-2026-003"));
    }

    [Fact]
    public async Task Anonymous_is_401_and_a_missing_reason_is_a_field_error()
    {
        var anonymous = await api.Anonymous().PostAsJsonAsync("/api/projects/SY-2026-003/deadline", new ExtendDeadlineRequest(DateTime.UtcNow.AddDays(60), "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var noReason = await (await api.SignedInAsync("staff")).PostAsJsonAsync("/api/projects/SY-2026-003/deadline", new { bidDeadline = DateTime.UtcNow.AddDays(60) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Reason", (await noReason.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }
}
