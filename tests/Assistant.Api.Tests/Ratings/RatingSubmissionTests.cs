using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Ratings;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;

namespace Assistant.Api.Tests.Ratings;

public sealed class RatingSubmissionTests(RatingsFixture factory) : IClassFixture<RatingsFixture>
{
    private readonly HttpClient _public = factory.CreateClient();

    [Fact]
    public async Task The_first_submission_is_created_and_a_replay_with_the_same_key_gets_the_same_answer_without_a_second_rating()
    {
        var link = await RatingKit.CreateLinkAsync(await factory.ClientForAsync("staff"));
        var key = RatingKit.NewKey();
        var first = await RatingKit.SubmitAsync(_public, link.Token, 4, key, new() { ["服务态度"] = 5 }, "阿姨很耐心");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var replay = await RatingKit.SubmitAsync(_public, link.Token, 4, key, new() { ["服务态度"] = 5 }, "阿姨很耐心");
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        var stored = await factory.Store.Collection<Rating>().GetAsync(key);
        Assert.Equal(4, stored!.Score);
        Assert.Equal(5, stored.Dimensions["服务态度"]);
        Assert.Equal(1, await factory.Store.Collection<Rating>().CountAsync(r => r.LinkVisitKey == stored.LinkVisitKey));
    }

    [Fact]
    public async Task Concurrent_submissions_with_one_key_store_exactly_one_rating_and_all_answers_agree()
    {
        var link = await RatingKit.CreateLinkAsync(await factory.ClientForAsync("staff"));
        var key = RatingKit.NewKey();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => RatingKit.SubmitAsync(factory.CreateClient(), link.Token, 1, key, comment: "饭菜是凉的")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<RatingSubmittedDto>(Json.Options)));
        Assert.Single(bodies.Distinct());
        Assert.NotNull(bodies[0]!.RectificationCaseId);

        var stored = await factory.Store.Collection<Rating>().GetAsync(key);
        var linkKey = stored!.LinkVisitKey;
        Assert.Equal(1, await factory.Store.Collection<Rating>().CountAsync(r => r.LinkVisitKey == linkKey));
        var caseId = bodies[0]!.RectificationCaseId;
        Assert.Equal(1, await factory.Store.Collection<RectificationCase>().CountAsync(c => c.Id == caseId));
    }

    [Fact]
    public async Task A_second_rating_of_the_same_link_under_another_key_is_a_conflict_but_another_visit_is_not()
    {
        var staff = await factory.ClientForAsync("staff");
        var link = await RatingKit.CreateLinkAsync(staff, visit: "第1次上门");
        await RatingKit.RateAsync(_public, link.Token, 5);
        var again = await RatingKit.SubmitAsync(_public, link.Token, 1);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        var nextVisit = await RatingKit.CreateLinkAsync(staff, visit: "第2次上门");
        await RatingKit.RateAsync(_public, nextVisit.Token, 3);
    }

    [Fact]
    public async Task A_key_already_used_on_another_link_is_a_conflict_not_a_replay()
    {
        var staff = await factory.ClientForAsync("staff");
        var first = await RatingKit.CreateLinkAsync(staff);
        var second = await RatingKit.CreateLinkAsync(staff);
        var key = RatingKit.NewKey();
        Assert.Equal(HttpStatusCode.Created, (await RatingKit.SubmitAsync(_public, first.Token, 5, key)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RatingKit.SubmitAsync(_public, second.Token, 5, key)).StatusCode);
    }

    [Theory]
    [InlineData(0, null, null, "score")]
    [InlineData(6, null, null, "score")]
    [InlineData(5, "卫生情况", null, "dimensions.卫生情况")]
    [InlineData(5, "服务态度", null, "dimensions.服务态度")]
    [InlineData(5, null, 501, "comment")]
    public async Task Bad_ratings_get_a_validation_problem_naming_the_field(int score, string? dimension, int? commentLength, string field)
    {
        var link = await RatingKit.CreateLinkAsync(await factory.ClientForAsync("staff"));
        var dimensions = dimension is null ? null : new Dictionary<string, int> { [dimension] = dimension == "服务态度" ? 9 : 3 };
        var response = await RatingKit.SubmitAsync(_public, link.Token, score, dimensions: dimensions,
            comment: commentLength is { } n ? new string('好', n) : null);
        Assert.True((await RatingKit.ValidationProblemAsync(response)).Errors.ContainsKey(field));
        Assert.False((await _public.GetFromJsonAsync<RatingLinkInfoDto>($"/api/ratings/links/{link.Token}", Json.Options))!.AlreadyRated);
    }

    [Fact]
    public async Task A_missing_or_malformed_idempotency_key_is_a_validation_problem()
    {
        var link = await RatingKit.CreateLinkAsync(await factory.ClientForAsync("staff"));
        var missing = await _public.PostAsJsonAsync("/api/ratings", new { token = link.Token, score = 5 });
        Assert.True((await RatingKit.ValidationProblemAsync(missing)).Errors.ContainsKey("idempotencyKey"));
        var malformed = await RatingKit.SubmitAsync(_public, link.Token, 5, key: "a b<c>");
        Assert.True((await RatingKit.ValidationProblemAsync(malformed)).Errors.ContainsKey("idempotencyKey"));
        var notJson = await _public.PostAsync("/api/ratings", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task A_comment_is_stored_as_the_plain_text_given_and_the_rating_keeps_no_personal_data()
    {
        var link = await RatingKit.CreateLinkAsync(await factory.ClientForAsync("staff"));
        const string comment = "<script>alert('x')</script> 送餐晚了";
        var answer = await RatingKit.RateAsync(_public, link.Token, 2, comment);
        var stored = await factory.Store.Collection<Rating>().GetAsync(answer.Id);
        Assert.Equal(comment, stored!.Comment);
        Assert.Equal("link", stored.Channel);
        var audit = await factory.Store.Collection<AuditEvent>().FindAsync(a => a.EntityId == answer.Id);
        Assert.All(audit, a => Assert.Equal("recipient", a.Actor));
    }

    [Fact]
    public async Task A_rating_sent_by_the_bot_is_marked_as_a_chat_rating()
    {
        var link = await RatingKit.CreateLinkAsync(await factory.ClientForAsync("staff"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ratings")
        {
            Content = JsonContent.Create(new SubmitRatingRequest(link.Token, RatingKit.NewKey(), 5), options: Json.Options),
        };
        request.Headers.Add("X-Rating-Channel", "chat");
        var response = await _public.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<RatingSubmittedDto>(Json.Options);
        Assert.Equal("chat", (await factory.Store.Collection<Rating>().GetAsync(answer!.Id))!.Channel);
    }
}
