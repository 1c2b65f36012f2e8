using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Ratings;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;

namespace Assistant.Api.Tests.Ratings;

public sealed class RatingReviewTests(RatingsFixture factory) : IClassFixture<RatingsFixture>
{
    private readonly HttpClient _public = factory.CreateClient();

    [Fact]
    public async Task Voiding_needs_a_reason_keeps_the_rating_stored_closes_its_case_and_is_audited()
    {
        var staff = await factory.ClientForAsync("staff");
        var answer = await RatingKit.RateAsync(_public, (await RatingKit.CreateLinkAsync(staff)).Token, 1, "恶意差评");

        Assert.True((await RatingKit.ValidationProblemAsync(await staff.PostAsJsonAsync($"/api/ratings/{answer.Id}/void", new VoidRatingRequest(""))))
            .Errors.ContainsKey("reason"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("org")).PostAsJsonAsync($"/api/ratings/{answer.Id}/void", new VoidRatingRequest("不认可"))).StatusCode);

        var voided = await staff.PostAsJsonAsync($"/api/ratings/{answer.Id}/void", new VoidRatingRequest("经核查为同行恶意评价"));
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/ratings/{answer.Id}/void", new VoidRatingRequest("再次"))).StatusCode);

        var stored = await factory.Store.Collection<Rating>().GetAsync(answer.Id);
        Assert.True(stored!.Voided);
        Assert.Equal("经核查为同行恶意评价", stored.VoidReason);
        Assert.Equal("staff", stored.VoidedBy);
        Assert.Equal(RectificationStatus.Closed, (await factory.Store.Collection<RectificationCase>().GetAsync(answer.RectificationCaseId!))!.Status);
        var audit = await factory.Store.Collection<AuditEvent>().FindAsync(a => a.EntityId == answer.Id && a.Action == "rating.voided");
        Assert.Equal("经核查为同行恶意评价", Assert.Single(audit).Reason);
    }

    [Fact]
    public async Task Staff_of_another_department_cannot_void()
    {
        var demo = (await factory.Store.Collection<Rating>().FindAsync(r => r.ContractId == "HT-JB-2025-002")).First();
        var staff = await factory.ClientForAsync("staff");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/ratings/{demo.Id}/void", new VoidRatingRequest("理由"))).StatusCode);
    }

    [Fact]
    public async Task The_public_trend_gives_monthly_average_and_count_of_counted_ratings()
    {
        var staff = await factory.ClientForAsync("staff");
        var month = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM");
        var before = (await _public.GetFromJsonAsync<RatingTrendDto>("/api/providers/org-kangle/rating-trend", Json.Options))!
            .Months.FirstOrDefault(m => m.Month == month);
        var five = await RatingKit.RateAsync(_public, (await RatingKit.CreateLinkAsync(staff)).Token, 5);
        var one = await RatingKit.RateAsync(_public, (await RatingKit.CreateLinkAsync(staff)).Token, 1);
        await staff.PostAsJsonAsync($"/api/ratings/{one.Id}/void", new VoidRatingRequest("误评"));

        var trend = await _public.GetFromJsonAsync<RatingTrendDto>("/api/providers/org-kangle/rating-trend", Json.Options);
        var now = Assert.Single(trend!.Months, m => m.Month == month);
        Assert.Equal((before?.Count ?? 0) + 1, now.Count);
        var counted = (await factory.Store.Collection<Rating>().FindAsync(r => r.OrganisationId == "org-kangle" && !r.Voided))
            .Where(r => r.SubmittedAt.ToString("yyyy-MM") == month).ToList();
        Assert.Equal(Math.Round((decimal)counted.Average(r => r.Score), 2), now.Average);
        Assert.Equal(trend.Months.OrderBy(m => m.Month).Select(m => m.Month), trend.Months.Select(m => m.Month));
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync("/api/providers/nobody/rating-trend")).StatusCode);
    }

    [Fact]
    public async Task Public_rating_statistics_count_levels_and_never_disclose_comments()
    {
        var staff = await factory.ClientForAsync("staff");
        await RatingKit.RateAsync(_public, (await RatingKit.CreateLinkAsync(staff)).Token, 2, "这条留言不得公开");
        var response = await _public.GetAsync("/api/disclosure/providers/org-kangle/ratings");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("这条留言不得公开", text);
        Assert.DoesNotContain("上门时间比约定晚了", text);

        var stats = (await response.Content.ReadFromJsonAsync<ProviderRatingStatsDto>(Json.Options))!;
        var counted = (await factory.Store.Collection<Rating>().FindAsync(r => r.OrganisationId == "org-kangle" && !r.Voided))
            .Where(r => r.RatesRectificationCaseId is null).ToList();
        Assert.Equal(counted.Count, stats.Count);
        Assert.Equal(counted.Count, stats.Levels.Values.Sum());
        Assert.Equal(counted.Count(r => r.Score == 2), stats.Levels["不满意"]);
        Assert.Equal(Math.Round(100m * counted.Count(r => r.Score >= 3) / counted.Count, 1), stats.SatisfactionRate);
        Assert.Equal(counted.Count, stats.Projects.Sum(p => p.Count));
    }
}
