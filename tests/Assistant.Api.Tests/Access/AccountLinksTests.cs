using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Accounts;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Access;

public sealed class AccountLinksTests(AccessFixture api) : IClassFixture<AccessFixture>
{
    private static int _channel;
    private static string NewChannelUser() => $"directline-user-{Interlocked.Increment(ref _channel)}";

    private async Task<AccountLinkCodeDto> CodeForAsync(string username)
    {
        var response = await (await api.SignedInAsync(username)).PostAsync("/api/account-links", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AccountLinkCodeDto>(Json.Options))!;
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string channelUser) =>
        api.Bot().PostAsJsonAsync("/api/account-links/redeem", new RedeemLinkCodeRequest(code, channelUser));

    [Fact]
    public async Task Signed_in_user_gets_a_six_digit_code_valid_ten_minutes()
    {
        var code = await CodeForAsync("org");
        Assert.Matches("^[0-9]{6}$", code.Code);
        Assert.Equal("org", code.Username);
        var lifetime = code.ExpiresAt - api.Clock.GetUtcNow().UtcDateTime;
        Assert.InRange(lifetime.TotalMinutes, 9.9, 10.1);
    }

    [Fact]
    public async Task Bot_redeems_a_code_and_learns_the_account_then_the_code_is_spent()
    {
        var code = await CodeForAsync("org");
        var channelUser = NewChannelUser();
        var response = await RedeemAsync(code.Code, channelUser);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var linked = await response.Content.ReadFromJsonAsync<LinkedAccountDto>(Json.Options);
        Assert.Equal("org", linked!.Username);
        Assert.Contains("organisation", linked.Roles);
        Assert.Equal("org-kangle", linked.OrganisationId);

        var again = await RedeemAsync(code.Code, NewChannelUser());
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("绑定码已使用", (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task Expired_code_is_410()
    {
        var code = await CodeForAsync("staff");
        api.Clock.Advance(TimeSpan.FromMinutes(11));
        var response = await RedeemAsync(code.Code, NewChannelUser());
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("绑定码已过期", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task A_new_code_replaces_the_earlier_one()
    {
        var first = await CodeForAsync("finance");
        var second = await CodeForAsync("finance");
        if (first.Code != second.Code)
            Assert.Equal(HttpStatusCode.Gone, (await RedeemAsync(first.Code, NewChannelUser())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(second.Code, NewChannelUser())).StatusCode);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("abcdef")]
    [InlineData("")]
    public async Task Malformed_code_is_a_validation_problem(string code)
    {
        var response = await RedeemAsync(code, NewChannelUser());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("Code", problem!.Errors.Keys);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_chat_user_even_against_a_right_code()
    {
        var channelUser = NewChannelUser();
        var good = await CodeForAsync("staff-2");
        var wrong = good.Code == "000000" ? "000001" : "000000";
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await RedeemAsync(wrong, channelUser)).StatusCode);
        var locked = await RedeemAsync(good.Code, channelUser);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);

        // Another chat user is not affected, and the lock lifts with time.
        api.Clock.Advance(TimeSpan.FromMinutes(31));
        var fresh = await CodeForAsync("staff-2");
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(fresh.Code, channelUser)).StatusCode);
    }

    [Fact]
    public async Task Only_the_bot_credential_may_redeem()
    {
        var code = await CodeForAsync("org");
        var asUser = await (await api.SignedInAsync("admin")).PostAsJsonAsync("/api/account-links/redeem", new RedeemLinkCodeRequest(code.Code, "x"));
        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);
        var anonymous = await api.Anonymous().PostAsJsonAsync("/api/account-links/redeem", new RedeemLinkCodeRequest(code.Code, "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_code_is_only_ever_for_the_callers_own_account_so_parameters_are_refused()
    {
        var staff = await api.SignedInAsync("staff");
        var response = await staff.PostAsJsonAsync("/api/account-links", new { username = "admin" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync("/api/account-links", new { })).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_get_codes()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().PostAsync("/api/account-links", null)).StatusCode);
    }

    [Fact]
    public async Task Codes_are_stored_only_as_keyed_hashes()
    {
        var code = await CodeForAsync("org-b");
        var stored = await api.Store.Collection<AccountLinkCode>().FindAsync(c => c.Username == "org-b");
        Assert.NotEmpty(stored);
        Assert.All(stored, c => Assert.DoesNotContain(code.Code, c.Id));
        Assert.All(stored, c => Assert.Equal(64, c.Id.Length));
    }

    [Theory]
    [InlineData("staff", "staff-2", HttpStatusCode.OK)]
    [InlineData("staff", "staff-b", HttpStatusCode.Forbidden)]
    [InlineData("staff", "org", HttpStatusCode.Forbidden)]
    [InlineData("staff", "admin", HttpStatusCode.Forbidden)]
    [InlineData("org", "org-b", HttpStatusCode.Forbidden)]
    [InlineData("finance", "staff", HttpStatusCode.Forbidden)]
    [InlineData("admin", "org-b", HttpStatusCode.OK)]
    [InlineData("admin", "nobody", HttpStatusCode.NotFound)]
    public async Task Staff_issue_codes_only_for_accounts_of_their_department_or_organisation(string issuer, string target, HttpStatusCode expected)
    {
        var response = await (await api.SignedInAsync(issuer)).PostAsJsonAsync("/api/account-links/issue", new IssueLinkCodeRequest(target));
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var code = await response.Content.ReadFromJsonAsync<AccountLinkCodeDto>(Json.Options);
            var linked = await (await RedeemAsync(code!.Code, NewChannelUser())).Content.ReadFromJsonAsync<LinkedAccountDto>(Json.Options);
            Assert.Equal(target, linked!.Username);
        }
    }

    [Fact]
    public async Task Linking_is_recorded_in_the_audit_trail()
    {
        var code = await CodeForAsync("org");
        var channelUser = NewChannelUser();
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(code.Code, channelUser)).StatusCode);
        var events = await (await api.SignedInAsync("admin")).GetFromJsonAsync<PageDto<AuditEventDto>>("/api/audit?entityId=org&take=200", Json.Options);
        Assert.Contains(events!.Items, e => e.Action == "account.linked" && e.Details!.Contains(channelUser));
    }
}
