using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Providers;

public sealed class BlacklistApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private DateTime InMonths(int months) => factory.Clock.GetUtcNow().UtcDateTime.AddMonths(months);

    [Fact]
    public async Task A_blacklisted_provider_cannot_bid_register_again_or_find_projects_and_is_told_why()
    {
        var registration = ProviderKit.Registration();
        var (org, client) = await ProviderKit.VerifiedAsync(factory, registration);
        var project = await ProviderKit.ProjectAsync(factory);
        var staff = await factory.ClientForAsync("staff");

        var added = await staff.PostAsJsonAsync("/api/blacklist", new AddBlacklistRequest(org.Id, "虚报服务人次骗取资金", InMonths(24)), Json.Options);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var entry = await added.Content.ReadFromJsonAsync<BlacklistEntryDto>(Json.Options);

        var bid = await client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, bid.StatusCode);
        Assert.Contains("虚报服务人次骗取资金", (await bid.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var again = await factory.CreateClient().PostAsJsonAsync("/api/organisations",
            ProviderKit.Registration(creditCode: registration.CreditCode!.ToLowerInvariant()), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("黑名单", (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var eligibility = await client.GetFromJsonAsync<EligibilityResultDto>($"/api/organisations/{org.Id}/eligible-projects", Json.Options);
        Assert.False(eligibility!.CanBid);
        Assert.Empty(eligibility.Eligible);
        Assert.Contains("虚报服务人次骗取资金", eligibility.BlockedReason);

        var publicList = await factory.CreateClient().GetFromJsonAsync<List<BlacklistEntryDto>>("/api/blacklist", Json.Options);
        Assert.Contains(publicList!, e => e.Id == entry!.Id && e.InForce);
        var credit = await client.GetFromJsonAsync<CreditRecordDto>($"/api/organisations/{org.Id}/credit-record", Json.Options);
        Assert.Contains(credit!.Sanctions, s => s.Id == entry!.Id);

        (await staff.PostAsJsonAsync($"/api/blacklist/{entry!.Id}/lift", new ReasonRequest("复议撤销"), Json.Options)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(), Json.Options)).StatusCode);

        var events = await factory.Store.Collection<AuditEvent>().FindAsync(e => e.EntityId == org.Id);
        Assert.Contains(events, e => e.Action == "blacklist.added" && e.Reason == "虚报服务人次骗取资金");
        Assert.Contains(events, e => e.Action == "blacklist.lifted" && e.Reason == "复议撤销");
    }

    [Fact]
    public async Task A_blacklisted_bidder_cannot_be_awarded()
    {
        var staff = await factory.ClientForAsync("staff");
        var project = await ProviderKit.ProjectAsync(factory, deadlineIn: TimeSpan.FromHours(1));
        var bidders = new List<OrganisationDto>();
        for (var i = 0; i < 3; i++)
        {
            var (org, client) = await ProviderKit.VerifiedAsync(factory);
            (await client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(), Json.Options)).EnsureSuccessStatusCode();
            bidders.Add(org);
        }
        using (factory.Clock.Travel(TimeSpan.FromHours(2)))
            (await staff.PostAsync($"/api/projects/{project}/close-bidding", null)).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync("/api/blacklist", new AddBlacklistRequest(bidders[0].Id, "提供虚假材料", InMonths(12)), Json.Options)).EnsureSuccessStatusCode();

        var award = await staff.PostAsJsonAsync($"/api/projects/{project}/award", new AwardRequest(bidders[0].Id, null, null), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, award.StatusCode);
        Assert.Contains("提供虚假材料", (await award.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Only_staff_change_the_blacklist_and_bad_requests_are_explained()
    {
        var org = await factory.ClientForAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsJsonAsync("/api/blacklist", new AddBlacklistRequest("org-yangguang", "x", InMonths(1)), Json.Options)).StatusCode);
        var staff = await factory.ClientForAsync("staff");
        var bad = await staff.PostAsJsonAsync("/api/blacklist", new AddBlacklistRequest("org-yangguang", "", InMonths(-1)), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.True(problem!.Errors.ContainsKey("Reason"));
        Assert.True(problem.Errors.ContainsKey("Until"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync("/api/blacklist", new AddBlacklistRequest("org-nobody", "x", InMonths(1)), Json.Options)).StatusCode);
    }
}
