extern alias api;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Flows;
using Assistant.Bot.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Rating = api::Assistant.Api.Ratings.Rating;

namespace Assistant.Bot.Tests.Ratings;

/// <summary>Chat ratings against the real API: the recipient's link is required, the API records the rating.</summary>
[Collection(BotCollection.Name)]
public sealed class RatingChatTests(BotHostFixture host)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<RatingLinkDto> NewLinkAsync(string? visit = null)
    {
        var client = host.Api.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest("staff", "demo"));
        var token = (await signIn.Content.ReadFromJsonAsync<TokenResponse>(Web))!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var response = await client.PostAsJsonAsync("/api/contracts/HT-SY-2025-001/rating-links", new CreateRatingLinkRequest(visit));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<RatingLinkDto>(Web))!;
    }

    private async Task<Rating?> StoredRatingAsync(string token)
    {
        var info = await host.Api.CreateClient().GetFromJsonAsync<RatingLinkInfoDto>($"/api/ratings/links/{token}", Web);
        if (!info!.AlreadyRated) return null;
        var store = host.Api.Services.GetRequiredService<IDocumentStore>();
        var ratings = await store.Collection<Rating>().FindAsync(r => r.ContractId == "HT-SY-2025-001" && r.Channel == "chat");
        return ratings.OrderByDescending(r => r.SubmittedAt).First();
    }

    [Fact]
    public async Task Five_stars_in_chat_asks_for_the_link_confirms_the_service_and_records_the_rating()
    {
        var link = await NewLinkAsync("3月5日助餐");
        await Conversation.Start(host)
            .Send("这次助餐服务我给五星").Expect("评价二维码", "链接")
            .Send($"好的 {link.Url}").Expect("上虞区康乐居家养老服务中心", "3月5日助餐", "“非常满意”", "确认提交吗")
            .Send("确认").Expect("评价已提交")
            .StartTestAsync();
        var rating = await StoredRatingAsync(link.Token);
        Assert.NotNull(rating);
        Assert.Equal((5, "chat", null), (rating!.Score, rating.Channel, rating.Comment));
    }

    [Fact]
    public async Task A_complaint_with_the_link_becomes_a_dissatisfied_rating_with_the_text_and_opens_a_rectification()
    {
        var link = await NewLinkAsync();
        await Conversation.Start(host)
            .Send($"今天的助餐服务不太好，饭菜凉了 {link.Url}").Expect("“不满意”", "留言：“今天的助餐服务不太好，饭菜凉了”", "5个工作日内答复")
            .Send("确认").Expect("评价已提交", "整改", "前答复")
            .StartTestAsync();
        var rating = await StoredRatingAsync(link.Token);
        Assert.Equal((2, "今天的助餐服务不太好，饭菜凉了"), (rating!.Score, rating.Comment));
        Assert.NotNull(rating.RectificationCaseId);
    }

    [Fact]
    public async Task Without_a_level_the_bot_asks_for_one_and_cancelling_records_nothing()
    {
        var link = await NewLinkAsync();
        await Conversation.Start(host)
            .Send($"我要评价 {link.Url}").Expect("满意吗", "[按钮] 非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意")
            .Send("稍等").Expect("请选择一个满意程度")
            .Send("3颗星").Expect("“基本满意”", "确认提交吗").Send("帮助").Expect("评价分五档")
            .Send("不").Expect("没有提交评价")
            .StartTestAsync();
        Assert.Null(await StoredRatingAsync(link.Token));
    }

    [Fact]
    public async Task A_forged_link_is_refused_and_an_already_rated_link_is_not_rated_twice()
    {
        var link = await NewLinkAsync();
        var forged = link.Url.Replace("?t=", "?t=x");
        await Conversation.Start(host)
            .Send($"给五星 {forged}").Expect("评价链接无效")
            .Send("取消").Expect("已取消")
            .StartTestAsync();

        await Conversation.Start(host).Send($"五星 {link.Url}").Expect("确认提交吗").Send("确认").Expect("评价已提交").StartTestAsync();
        await Conversation.Start(host).Send($"再给一次五星 {link.Url}").Expect("已经评价过了").StartTestAsync();
    }

    [Theory]
    [InlineData("这次助餐服务我给五星", 5)]
    [InlineData("两颗星", 2)]
    [InlineData("给4星", 4)]
    [InlineData("满分", 5)]
    [InlineData("今天很好", null)]
    public void Star_wording_maps_to_the_five_levels(string text, int? score) => Assert.Equal(score, RatingSubmitFlow.StarScore(text));

    [Fact]
    public void The_token_is_found_in_a_pasted_address_or_on_its_own()
    {
        const string token = "eyJMIjoiYWJjIiwiQyI6IkhULTEiLCJWIjpudWxsLCJFIjoxfQ.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE";
        Assert.Equal(token, RatingSubmitFlow.FindToken($"http://127.0.0.1:5080/rating.html?t={Uri.EscapeDataString(token)}"));
        Assert.Equal(token, RatingSubmitFlow.FindToken($"评价码 {token}"));
        Assert.Null(RatingSubmitFlow.FindToken("没有链接"));
    }
}
