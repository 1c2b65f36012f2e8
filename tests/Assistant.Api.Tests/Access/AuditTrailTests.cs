using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Access;

public sealed class AuditTrailTests(AccessFixture api) : IClassFixture<AccessFixture>
{
    private async Task ExtendAsync(string project)
    {
        var current = (await api.Anonymous().GetFromJsonAsync<ProjectStatusDto>($"/api/projects/{project}/status", Json.Options))!.KeyDates.BidDeadline!.Value;
        var response = await (await api.SignedInAsync("staff")).PostAsJsonAsync($"/api/projects/{project}/deadline", new ExtendDeadlineRequest(current.AddDays(1), "审计测试"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("staff", "/api/audit?projectId=SY-2026-001", HttpStatusCode.OK)]
    [InlineData("staff-2", "/api/audit?projectId=sy-2026-001", HttpStatusCode.OK)]
    [InlineData("staff-b", "/api/audit?projectId=SY-2026-001", HttpStatusCode.Forbidden)]
    [InlineData("staff", "/api/audit", HttpStatusCode.BadRequest)]
    [InlineData("staff", "/api/audit?projectId=NOPE-1", HttpStatusCode.NotFound)]
    [InlineData("finance", "/api/audit", HttpStatusCode.OK)]
    [InlineData("admin", "/api/audit?projectId=SY-2026-001", HttpStatusCode.OK)]
    [InlineData("org", "/api/audit?projectId=SY-2026-001", HttpStatusCode.Forbidden)]
    [InlineData("finance", "/api/audit?take=0", HttpStatusCode.BadRequest)]
    public async Task Staff_query_their_departments_projects_finance_and_admin_everything(string user, string url, HttpStatusCode expected)
    {
        await ExtendAsync("SY-2026-001");
        var response = await (await api.SignedInAsync(user)).GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var page = await response.Content.ReadFromJsonAsync<PageDto<AuditEventDto>>(Json.Options);
            Assert.Contains(page!.Items, e => e.ProjectId == "SY-2026-001" && e.Action == "project.deadline-extended");
        }
    }

    [Fact]
    public async Task Anonymous_and_the_bot_alone_cannot_read_the_trail()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/audit?projectId=SY-2026-001")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Bot().GetAsync("/api/audit?projectId=SY-2026-001")).StatusCode);
    }

    [Fact]
    public async Task Events_are_newest_first_with_who_when_what_and_why()
    {
        await ExtendAsync("SY-2026-004");
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        await ExtendAsync("SY-2026-004");
        var page = await (await api.SignedInAsync("finance")).GetFromJsonAsync<PageDto<AuditEventDto>>("/api/audit?projectId=SY-2026-004", Json.Options);
        Assert.True(page!.Items.Count >= 2);
        Assert.True(page.Items[0].At > page.Items[1].At);
        Assert.All(page.Items, e =>
        {
            Assert.Equal("staff", e.Actor);
            Assert.Equal("Project", e.EntityType);
            Assert.Equal("审计测试", e.Reason);
            Assert.Contains("→", e.Details);
        });
    }

    [Theory]
    [InlineData("PUT", "/api/audit")]
    [InlineData("PATCH", "/api/audit")]
    [InlineData("DELETE", "/api/audit")]
    [InlineData("POST", "/api/audit")]
    [InlineData("PUT", "/api/audit/some-id")]
    [InlineData("DELETE", "/api/audit/some-id")]
    public async Task The_trail_cannot_be_edited_through_the_api(string method, string url)
    {
        var admin = await api.SignedInAsync("admin");
        var response = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { reason = "x" }) });
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
    }

    [Fact]
    public async Task Account_lockout_after_failed_sign_ins_is_audited()
    {
        // An account of its own: the lockout must not disturb the other tests sharing the fixture.
        await api.Store.Collection<Assistant.Api.Auth.User>().InsertAsync(new Assistant.Api.Auth.User
        {
            Id = "locked-staff", DisplayName = "锁定测试", PasswordHash = "", Roles = ["purchaser"], Department = "上虞区民政局",
        });
        var client = api.Anonymous();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("locked-staff", "wrong"))).StatusCode);
        var locked = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("locked-staff", "wrong"));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("账号已暂时锁定", (await locked.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        var events = await (await api.SignedInAsync("admin")).GetFromJsonAsync<PageDto<AuditEventDto>>("/api/audit?entityId=locked-staff", Json.Options);
        Assert.Contains(events!.Items, e => e.Action == "user.locked");
    }
}
