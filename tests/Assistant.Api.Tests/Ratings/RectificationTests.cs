using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Ratings;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;

namespace Assistant.Api.Tests.Ratings;

/// <summary>
/// 差评 → 整改 → 跟进 → 评价整改. Tests move the clock, so each starts from the real time and signs in again after
/// moving it (sign-in tokens are checked against the same clock).
/// </summary>
public sealed class RectificationTests : IClassFixture<RatingsFixture>
{
    private readonly RatingsFixture factory;
    private readonly HttpClient _public;

    public RectificationTests(RatingsFixture factory)
    {
        this.factory = factory;
        factory.Clock.Set(DateTimeOffset.UtcNow);
        _public = factory.CreateClient();
    }

    [Fact]
    public async Task A_dissatisfied_rating_opens_a_case_due_in_five_working_days()
    {
        var today = DateTime.UtcNow.Date;
        // 10:00 UTC on the Friday after next: 18:00 on the same Friday in Beijing.
        var friday = today.AddDays(((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7 + 7).AddHours(10);
        factory.Clock.Set(new DateTimeOffset(friday, TimeSpan.Zero));
        var staff = await factory.ClientForAsync("staff");
        var org = await factory.ClientForAsync("org");
        var link = await RatingKit.CreateLinkAsync(staff);
        var answer = await RatingKit.RateAsync(_public, link.Token, 2, "上门时间比约定晚了一个多小时");
        Assert.NotNull(answer.RectificationCaseId);
        // Mon–Fri of the following week: due at the end of the next Friday, Beijing time (UTC+8).
        Assert.Equal(friday.Date.AddDays(7).AddHours(23 - 8).AddMinutes(59).AddSeconds(59), answer.RectificationDueAt);

        var cases = await org.GetFromJsonAsync<List<RectificationCaseDto>>("/api/rectifications", Json.Options);
        var mine = Assert.Single(cases!, c => c.Id == answer.RectificationCaseId);
        Assert.Equal("上门时间比约定晚了一个多小时", mine.Complaint);
        Assert.Equal("不满意", mine.RatingLevel);
        Assert.False(mine.Overdue);

        var satisfied = await RatingKit.RateAsync(_public, (await RatingKit.CreateLinkAsync(staff)).Token, 3);
        Assert.Null(satisfied.RectificationCaseId);
    }

    [Fact]
    public async Task Unanswered_cases_become_overdue_after_the_deadline_and_the_filter_finds_them()
    {
        var staff = await factory.ClientForAsync("staff");
        var answer = await RatingKit.RateAsync(_public, (await RatingKit.CreateLinkAsync(staff)).Token, 1);
        var overdueNow = await staff.GetFromJsonAsync<List<RectificationCaseDto>>("/api/rectifications?overdue=true", Json.Options);
        Assert.DoesNotContain(overdueNow!, c => c.Id == answer.RectificationCaseId);

        factory.Clock.Set(answer.RectificationDueAt!.Value.AddSeconds(2));
        staff = await factory.ClientForAsync("staff");
        var overdue = await staff.GetFromJsonAsync<List<RectificationCaseDto>>("/api/rectifications?overdue=true", Json.Options);
        Assert.Contains(overdue!, c => c.Id == answer.RectificationCaseId && c.Overdue);
        Assert.All(overdue!, c => Assert.True(c.Overdue));
    }

    [Fact]
    public async Task The_provider_responds_staff_close_and_the_recipient_rates_the_fix_through_the_same_link()
    {
        var staff = await factory.ClientForAsync("staff");
        var org = await factory.ClientForAsync("org");
        var link = await RatingKit.CreateLinkAsync(staff);
        var complaint = await RatingKit.RateAsync(_public, link.Token, 1, "饭菜是凉的");
        var caseId = complaint.RectificationCaseId!;

        // The fix cannot be rated before the provider answered.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await RatingKit.SubmitAsync(_public, link.Token, 4, rectificationCaseId: caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await org.PostAsJsonAsync($"/api/rectifications/{caseId}/respond", new RespondToRectificationRequest(" "))).StatusCode);
        var responded = await org.PostAsJsonAsync($"/api/rectifications/{caseId}/respond", new RespondToRectificationRequest("已更换保温餐箱，送餐路线调整"));
        Assert.Equal("Responded", (await responded.Content.ReadFromJsonAsync<RectificationCaseDto>(Json.Options))!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await org.PostAsJsonAsync($"/api/rectifications/{caseId}/respond", new RespondToRectificationRequest("再答复"))).StatusCode);

        var info = await _public.GetFromJsonAsync<RatingLinkInfoDto>($"/api/ratings/links/{link.Token}", Json.Options);
        Assert.Equal("已更换保温餐箱，送餐路线调整", info!.Rectification!.ProviderResponse);

        // Another link's holder cannot rate this fix; the complainant can, once.
        var stranger = await RatingKit.CreateLinkAsync(staff);
        Assert.Equal(HttpStatusCode.BadRequest, (await RatingKit.SubmitAsync(_public, stranger.Token, 5, rectificationCaseId: caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RatingKit.SubmitAsync(_public, link.Token, 4, rectificationCaseId: caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RatingKit.SubmitAsync(_public, link.Token, 5, rectificationCaseId: caseId)).StatusCode);

        var closed = await staff.PostAsJsonAsync($"/api/rectifications/{caseId}/follow-up", new FollowUpRectificationRequest("电话回访，老人表示满意", true));
        var dto = (await closed.Content.ReadFromJsonAsync<RectificationCaseDto>(Json.Options))!;
        Assert.Equal("Closed", dto.Status);
        Assert.Equal(4, dto.FixScore);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/api/rectifications/{caseId}/follow-up", new FollowUpRectificationRequest("再跟进", false))).StatusCode);

        var trail = (await factory.Store.Collection<AuditEvent>().FindAsync(a => a.EntityId == caseId, a => a.Id)).Select(a => a.Action).ToList();
        Assert.Equal(["rectification.opened", "rectification.responded", "rectification.fix-rated", "rectification.closed"], trail);
    }

    [Fact]
    public async Task Providers_see_and_answer_only_their_own_cases()
    {
        var staff = await factory.ClientForAsync("staff");
        var org = await factory.ClientForAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.GetAsync("/api/rectifications?organisationId=org-yangguang")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _public.GetAsync("/api/rectifications")).StatusCode);
        var all = await org.GetFromJsonAsync<List<RectificationCaseDto>>("/api/rectifications", Json.Options);
        Assert.NotEmpty(all!);
        Assert.All(all!, c => Assert.Equal("org-kangle", c.OrganisationId));

        // Demo case of 江北区阳光社会工作服务社: not the demo org's, so it does not exist for them.
        var theirs = (await factory.Store.Collection<RectificationCase>().FindAsync(c => c.OrganisationId == "org-yangguang")).First();
        Assert.Equal(HttpStatusCode.NotFound, (await org.PostAsJsonAsync($"/api/rectifications/{theirs.Id}/respond", new RespondToRectificationRequest("x"))).StatusCode);
        // ... and staff of 上虞区民政局 do not see 江北区 cases.
        var staffCases = await staff.GetFromJsonAsync<List<RectificationCaseDto>>("/api/rectifications", Json.Options);
        Assert.DoesNotContain(staffCases!, c => c.OrganisationId == "org-yangguang");
    }
}
