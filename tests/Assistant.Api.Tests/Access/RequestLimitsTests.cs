using System.Net;
using System.Net.Http.Json;
using System.Text;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Access;

public sealed class RequestLimitsTests(AccessFixture api) : IClassFixture<AccessFixture>
{
    private static StringContent JsonOfSize(int bytes) =>
        new($"{{\"code\":\"123456\",\"channelUserId\":\"{new string('x', bytes)}\"}}", Encoding.UTF8, "application/json");

    [Fact]
    public async Task Json_bodies_over_64_kb_get_413_problem()
    {
        var response = await api.Bot().PostAsync("/api/account-links/redeem", JsonOfSize(100 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("请求内容过大", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task Oversized_anonymous_sign_in_is_refused_before_it_is_read()
    {
        var response = await api.Anonymous().PostAsync("/api/auth/token", JsonOfSize(70 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_endpoint_keeps_its_own_larger_limit()
    {
        // 200 KB to the policy upload (its own limit is far larger): refused for its content type, not its size.
        var staff = await api.SignedInAsync("staff");
        var response = await staff.PostAsync("/api/policies", JsonOfSize(200 * 1024));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Bodies_under_the_limit_reach_the_endpoint()
    {
        var response = await api.Bot().PostAsync("/api/account-links/redeem", JsonOfSize(1024));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // a field error, not a size refusal
    }

    [Fact]
    public async Task With_limits_disabled_by_configuration_many_requests_pass()
    {
        var client = api.Anonymous();
        for (var i = 0; i < 40; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("nobody", "x"))).StatusCode);
    }
}
