using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Auth;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Access;

public sealed class BotServiceAuthenticationTests(AccessFixture api) : IClassFixture<AccessFixture>
{
    [Fact]
    public async Task Bot_acting_for_a_linked_staff_user_gets_that_users_permissions()
    {
        var response = await api.Bot("staff").GetAsync("/api/projects/overdue-award");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await api.Bot("staff").GetFromJsonAsync<ProjectStatusDto>("/api/projects/SY-2025-001/status", Json.Options);
        Assert.NotNull(status!.OpenRectifications);
    }

    [Fact]
    public async Task Bot_without_an_acting_user_sees_public_data_only()
    {
        var bot = api.Bot();
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync("/api/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.GetAsync("/api/projects/overdue-award")).StatusCode);
        // The bot alone is not an account: it cannot ask for a link code for itself.
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.PostAsync("/api/account-links", null)).StatusCode);
        var status = await bot.GetFromJsonAsync<ProjectStatusDto>("/api/projects/SY-2025-001/status", Json.Options);
        Assert.Null(status!.OpenRectifications);
        Assert.True(status.OpenRectificationCount > 0);
    }

    [Fact]
    public async Task Acting_user_takes_the_role_of_that_account_not_more()
    {
        var asOrg = api.Bot("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await asOrg.GetAsync("/api/projects/overdue-award")).StatusCode);
    }

    [Theory]
    [InlineData("/api/projects")]
    [InlineData("/api/projects/overdue-award")]
    public async Task Wrong_bot_key_is_401_even_on_public_endpoints(string url)
    {
        var response = await api.Bot("staff", key: "not-the-key").GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("机器人服务凭据无效", problem!.Title);
    }

    [Fact]
    public async Task Unknown_acting_user_is_401_with_a_reason()
    {
        var response = await api.Bot("nobody-here").GetAsync("/api/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("代办用户不存在", problem!.Title);
    }

    [Fact]
    public async Task Without_a_configured_key_the_bot_scheme_rejects_everything()
    {
        // A store of its own: one host per data file.
        using var fresh = new ApiFactory();
        using var unconfigured = fresh.WithWebHostBuilder(b => b.UseSetting("Auth:BotServiceKey", ""));
        var client = unconfigured.CreateClient();
        client.DefaultRequestHeaders.Add("X-Bot-Key", AccessFixture.BotKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects")).StatusCode);
    }

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("abc", "abcd", false)]
    [InlineData("", "abc", false)]
    public void Key_comparison_is_exact(string presented, string expected, bool equal) =>
        Assert.Equal(equal, BotServiceHandler.KeysEqual(presented, expected));

    [Fact]
    public async Task Changes_made_through_the_bot_are_audited_as_the_acting_user_from_chat()
    {
        var bot = api.Bot("staff");
        var response = await bot.PostAsJsonAsync("/api/account-links", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await (await api.SignedInAsync("admin")).GetFromJsonAsync<PageDto<AuditEventDto>>("/api/audit?entityId=staff&take=200", Json.Options);
        Assert.Contains(events!.Items, e => e.Action == "account-link.issued" && e.Actor == "staff" && e.Channel == "chat");
    }

    [Fact]
    public async Task Jwt_and_bot_principals_carry_the_same_claims()
    {
        // Department-scoped list: the same department claim must arrive both ways.
        const string url = "/api/projects/pending-evaluation?month=2099-12";
        var viaJwt = await (await api.SignedInAsync("staff")).GetFromJsonAsync<List<EvaluationDueDto>>(url, Json.Options);
        var viaBot = await api.Bot("staff").GetFromJsonAsync<List<EvaluationDueDto>>(url, Json.Options);
        Assert.NotEmpty(viaJwt!);
        Assert.All(viaJwt!, p => Assert.Equal("上虞区民政局", p.Department));
        Assert.Equal(viaJwt!.Select(p => p.Id), viaBot!.Select(p => p.Id));
    }
}
