using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;

namespace Assistant.Api.Tests.Access;

/// <summary>Organisation A never reads organisation B's bids or records, whether signed in or through the bot.</summary>
public sealed class OrganisationIsolationTests(AccessFixture api) : IClassFixture<AccessFixture>
{
    [Fact]
    public async Task Each_organisation_sees_only_its_own_bid_on_a_project()
    {
        var orgB = await api.SignedInAsync("org-b");
        var submitted = await orgB.PostAsJsonAsync("/api/projects/JB-2026-001/bids",
            new SubmitBidRequest(500_000m, "阳光社工方案：困境儿童个案管理与家庭支持", true));
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());

        var mineAsB = await orgB.GetFromJsonAsync<BidDto>("/api/projects/JB-2026-001/bids/mine", Json.Options);
        Assert.Equal(AccessFixture.OtherOrganisation, mineAsB!.OrganisationId);

        foreach (var asA in new[] { await api.SignedInAsync("org"), api.Bot("org") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await asA.GetAsync("/api/projects/JB-2026-001/bids/mine")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await asA.GetAsync("/api/projects/JB-2026-001/bids")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/api/organisations/org-yangguang")]
    [InlineData("/api/organisations/org-yangguang/credit-record")]
    [InlineData("/api/organisations/org-yangguang/eligible-projects")]
    public async Task Another_organisations_records_are_not_readable(string url)
    {
        var status = (await (await api.SignedInAsync("org")).GetAsync(url)).StatusCode;
        Assert.Contains(status, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Equal(HttpStatusCode.OK, (await (await api.SignedInAsync("org-b")).GetAsync(url)).StatusCode);
    }
}
