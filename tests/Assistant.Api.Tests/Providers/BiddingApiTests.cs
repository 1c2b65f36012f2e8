using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Bids;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Providers;

public sealed class BiddingApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_accepted_bid_gets_a_receipt_and_a_resubmission_replaces_it_keeping_history()
    {
        var (org, client) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory);

        var first = await client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(450_000m), Json.Options);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = await first.Content.ReadFromJsonAsync<BidReceiptDto>(Json.Options);
        Assert.StartsWith($"TB-{project}-", receipt!.ReceiptNumber);
        Assert.Equal(1, receipt.Revision);

        var second = await client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(430_000m), Json.Options);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var replaced = await second.Content.ReadFromJsonAsync<BidReceiptDto>(Json.Options);
        Assert.True(replaced!.ReplacedEarlierBid);
        Assert.Equal(2, replaced.Revision);
        Assert.NotEqual(receipt.ReceiptNumber, replaced.ReceiptNumber);

        var mine = await client.GetFromJsonAsync<BidDto>($"/api/projects/{project}/bids/mine", Json.Options);
        Assert.Equal(430_000m, mine!.Price);
        var earlier = Assert.Single(mine.History);
        Assert.Equal(450_000m, earlier.Price);
        Assert.Equal(receipt.ReceiptNumber, earlier.ReceiptNumber);
        Assert.Equal(org.Id, mine.OrganisationId);
    }

    [Fact]
    public async Task Two_simultaneous_submissions_leave_one_bid_with_the_other_in_its_history()
    {
        var (org, client) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory);

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(410_000m), Json.Options),
            client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(420_000m), Json.Options));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var stored = await factory.Store.Collection<Bid>().FindAsync(b => b.ProjectId == project);
        var bid = Assert.Single(stored);
        Assert.Equal(org.Id, bid.OrganisationId);
        var earlier = Assert.Single(bid.History);
        Assert.Equal(new[] { 410_000m, 420_000m }, new[] { bid.Price, earlier.Price }.Order());
    }

    [Fact]
    public async Task Eight_simultaneous_submissions_keep_every_accepted_offer_exactly_once()
    {
        var (_, client) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(400_000m + i), Json.Options)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var accepted = responses.Count(r => r.IsSuccessStatusCode);
        var bid = Assert.Single(await factory.Store.Collection<Bid>().FindAsync(b => b.ProjectId == project));
        Assert.Equal(accepted - 1, bid.History.Count);
        var prices = bid.History.Select(h => h.Price).Append(bid.Price).ToList();
        Assert.Equal(prices.Count, prices.Distinct().Count());
    }

    [Fact]
    public async Task A_retried_submission_with_the_same_id_gets_the_same_receipt_and_no_new_revision()
    {
        var (_, client) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory);
        var request = ProviderKit.Bid(420_000m) with { SubmissionId = Guid.NewGuid().ToString("N") };

        var first = await (await client.PostAsJsonAsync($"/api/projects/{project}/bids", request, Json.Options)).Content.ReadFromJsonAsync<BidReceiptDto>(Json.Options);
        var retry = await client.PostAsJsonAsync($"/api/projects/{project}/bids", request, Json.Options);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var again = await retry.Content.ReadFromJsonAsync<BidReceiptDto>(Json.Options);
        Assert.Equal(first!.ReceiptNumber, again!.ReceiptNumber);
        Assert.Equal(1, again.Revision);
        Assert.Empty((await client.GetFromJsonAsync<BidDto>($"/api/projects/{project}/bids/mine", Json.Options))!.History);
    }

    [Fact]
    public async Task A_bid_after_the_deadline_is_refused_by_the_server_clock()
    {
        var (_, client) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory, deadlineIn: TimeSpan.FromMinutes(1));
        using var late = factory.Clock.Travel(TimeSpan.FromMinutes(2));

        var response = await client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(), Json.Options);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("投标已截止", problem!.Title);
        Assert.Contains("逾期投标不予受理", problem.Detail);
    }

    [Theory]
    [InlineData(600_000, true, HttpStatusCode.UnprocessableEntity, "报价超过预算")]
    [InlineData(0, true, HttpStatusCode.BadRequest, null)]
    [InlineData(400_000, false, HttpStatusCode.BadRequest, null)]
    public async Task Price_and_declaration_are_checked(int price, bool declared, HttpStatusCode expected, string? title)
    {
        var (_, client) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory, budget: 500_000m);

        var response = await client.PostAsJsonAsync($"/api/projects/{project}/bids", new SubmitBidRequest(price, "方案", declared), Json.Options);

        Assert.Equal(expected, response.StatusCode);
        if (title is not null) Assert.Equal(title, (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task Only_verified_organisations_bid_and_staff_cannot()
    {
        var registered = await ProviderKit.RegisterAsync(factory, ProviderKit.Registration());
        var pending = await ProviderKit.SignInAsync(factory, registered.Username!, ProviderKit.Password);
        var project = await ProviderKit.ProjectAsync(factory);

        var response = await pending.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("机构尚未通过审核", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);

        var staff = await factory.ClientForAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(), Json.Options)).StatusCode);
    }

    [Fact]
    public async Task Project_requirements_are_enforced_at_submission()
    {
        var young = ProviderKit.Registration(established: factory.Clock.GetUtcNow().UtcDateTime.AddMonths(-14));
        var (_, client) = await ProviderKit.VerifiedAsync(factory, young);
        var project = await ProviderKit.ProjectAsync(factory, minYears: 2);

        var response = await client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(), Json.Options);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.StartsWith("成立未满两年", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Bids_are_sealed_from_other_organisations_always_and_from_staff_until_bidding_closes()
    {
        var (_, a) = await ProviderKit.VerifiedAsync(factory);
        var (_, b) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory, deadlineIn: TimeSpan.FromHours(1));
        (await a.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(444_000m), Json.Options)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/projects/{project}/bids/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/projects/{project}/bids")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await a.GetAsync($"/api/projects/{project}/bids")).StatusCode);
        var staff = await factory.ClientForAsync("staff");
        var sealedResponse = await staff.GetAsync($"/api/projects/{project}/bids");
        Assert.Equal(HttpStatusCode.Conflict, sealedResponse.StatusCode);
        Assert.DoesNotContain("444000", await sealedResponse.Content.ReadAsStringAsync());

        using var after = factory.Clock.Travel(TimeSpan.FromHours(2));
        (await staff.PostAsync($"/api/projects/{project}/close-bidding", null)).EnsureSuccessStatusCode();
        var opened = await staff.GetFromJsonAsync<List<BidDto>>($"/api/projects/{project}/bids", Json.Options);
        Assert.Equal(444_000m, Assert.Single(opened!).Price);
        Assert.Equal(HttpStatusCode.Forbidden, (await b.GetAsync($"/api/projects/{project}/bids")).StatusCode);
    }

    [Fact]
    public async Task Staff_of_another_department_never_see_the_bids()
    {
        var project = await ProviderKit.ProjectAsync(factory, status: ProjectStatus.EvaluatingBids, department: "江北区民政局", region: "江北区");
        var staff = await factory.ClientForAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/projects/{project}/bids")).StatusCode);
    }
}
