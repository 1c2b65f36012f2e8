using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Assistant.Bot.Tests.Infrastructure;

namespace Assistant.Bot.Tests.DirectLine;

/// <summary>Over real HTTP against the running bot host, the way botframework-directlinejs calls it.</summary>
[Collection(BotCollection.Name)]
public sealed class DirectLineEndToEndTests(BotHostFixture host)
{
    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = host.BotUrl };
        client.DefaultRequestHeaders.Add("x-ms-bot-agent", "DirectLine/3.0 (directlinejs 0.15.8)");
        return client;
    }

    private async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(HttpClient client, string userId)
    {
        var generated = await client.PostAsJsonAsync("/v3/directline/tokens/generate", new { user = new { id = userId } });
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var token = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("streamUrl").GetString()!);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await client.SendAsync(request);
    }

    private static async Task<(List<JsonElement> Activities, string Watermark)> PollAsync(HttpClient client, string conversationId, string token, string? watermark)
    {
        var response = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities{(watermark is null ? "" : "?watermark=" + watermark)}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var set = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (set.GetProperty("activities").EnumerateArray().ToList(), set.GetProperty("watermark").GetString()!);
    }

    [Fact]
    public async Task A_client_is_welcomed_sends_a_message_and_polls_the_reply_with_watermarks()
    {
        using var client = Client();
        var (id, token, _) = await StartAsync(client, "dl-user-1");

        var (welcome, watermark) = await PollAsync(client, id, token, null);
        Assert.Contains(welcome, a => a.GetProperty("text").GetString()!.Contains("我是政府购买服务助手"));

        var posted = await SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", token,
            new { type = "message", text = "查一下SY-2025-001项目的状态", from = new { id = "someone-else" }, channelData = new { clientActivityID = "c1" } });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var postedId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var (after, next) = await PollAsync(client, id, token, watermark);
        Assert.True(long.Parse(next) > long.Parse(watermark));
        var echo = Assert.Single(after, a => a.GetProperty("id").GetString() == postedId);
        Assert.Equal("dl-user-1", echo.GetProperty("from").GetProperty("id").GetString()); // the token's user, not the spoofed one
        Assert.Equal("c1", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        var reply = Assert.Single(after, a => a.GetProperty("from").GetProperty("id").GetString() == "assistant-bot");
        Assert.Contains("当前阶段：服务中", reply.GetProperty("text").GetString());
        Assert.Equal(postedId, reply.GetProperty("replyToId").GetString());

        var (nothingNew, same) = await PollAsync(client, id, token, next);
        Assert.Empty(nothingNew);
        Assert.Equal(next, same);
    }

    [Fact]
    public async Task A_token_for_one_conversation_cannot_read_or_post_to_another()
    {
        using var client = Client();
        var a = await StartAsync(client, "alice");
        var b = await StartAsync(client, "bob");

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{b.ConversationId}/activities", a.Token, new { type = "message", text = "你好" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}", a.Token)).StatusCode);

        var forged = a.Token[..^4] + (a.Token.EndsWith("AAAA") ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{a.ConversationId}/activities", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/v3/directline/conversations/{a.ConversationId}/activities")).StatusCode);
    }

    [Fact]
    public async Task Tokens_refresh_and_conversations_resume_without_a_second_welcome()
    {
        using var client = Client();
        var (id, token, _) = await StartAsync(client, "carol");
        var refreshed = await SendAsync(client, HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var newToken = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        var resumed = await SendAsync(client, HttpMethod.Get, $"/v3/directline/conversations/{id}?watermark=1", newToken);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var again = await SendAsync(client, HttpMethod.Post, "/v3/directline/conversations", newToken);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);

        var (activities, _) = await PollAsync(client, id, newToken, null);
        Assert.Single(activities, a => a.GetProperty("text").GetString()!.Contains("我是政府购买服务助手"));
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", newToken, new { text = "no type" })).StatusCode);
    }

    [Fact]
    public async Task The_websocket_stream_pushes_the_bot_reply()
    {
        using var client = Client();
        var (id, token, streamUrl) = await StartAsync(client, "dave");
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        await SendAsync(client, HttpMethod.Post, $"/v3/directline/conversations/{id}/activities", token, new { type = "message", text = "帮助" });

        var received = new StringBuilder();
        var buffer = new byte[64 * 1024];
        while (!received.ToString().Contains("任何时候输入"))
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            received.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Cors_allows_the_mobile_web_origin()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", "http://127.0.0.1:5080");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,x-ms-bot-agent,content-type");
        var response = await client.SendAsync(request);
        Assert.Equal("http://127.0.0.1:5080", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

[Collection(BotCollection.Name)]
public sealed class ReminderTests(BotHostFixture host)
{
    /// <summary>A Direct Line client with a token for <paramref name="user"/>, and a new conversation.</summary>
    private async Task<(HttpClient Client, string Id)> ConversationAsync(string user)
    {
        var client = new HttpClient { BaseAddress = host.BotUrl };
        var token = (await (await client.PostAsJsonAsync("/v3/directline/tokens/generate", new { user = new { id = user } })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var id = (await (await client.PostAsync("/v3/directline/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
        return (client, id);
    }

    [Fact]
    public async Task A_reminder_asked_for_in_chat_is_delivered_proactively_into_the_direct_line_conversation()
    {
        var project = JsonDocument.Parse(await host.Api.CreateClient().GetStringAsync("/api/projects/AY-2026-002")).RootElement;
        var deadline = project.GetProperty("bidDeadline").GetDateTime().ToUniversalTime().AddHours(8);

        var (client, id) = await ConversationAsync("reminder-user");
        using var _ = client;
        await client.PostAsJsonAsync($"/v3/directline/conversations/{id}/activities", new { type = "message", text = $"提醒我{deadline:M月d日}截止的项目" });
        var before = await client.GetStringAsync($"/v3/directline/conversations/{id}/activities");
        Assert.Contains("AY-2026-002", before);
        Assert.Contains("提醒您", before);
        Assert.DoesNotContain("提醒：", before);

        var sent = await host.Get<Assistant.Bot.Reminders.ReminderService>().DeliverDueAsync(DateTime.UtcNow.AddDays(60), CancellationToken.None);
        Assert.True(sent >= 1);
        var after = await client.GetStringAsync($"/v3/directline/conversations/{id}/activities");
        Assert.Contains("提醒：今天", after);
        Assert.Equal(0, await host.Get<Assistant.Bot.Reminders.ReminderService>().DeliverDueAsync(DateTime.UtcNow.AddDays(60), CancellationToken.None));
    }

    [Fact]
    public async Task A_reminder_about_one_project_comes_the_asked_number_of_days_before_its_deadline()
    {
        var project = JsonDocument.Parse(await host.Api.CreateClient().GetStringAsync("/api/projects/AY-2026-002")).RootElement;
        var deadline = project.GetProperty("bidDeadline").GetDateTime().ToUniversalTime().AddHours(8);
        var expected = deadline.Date.AddDays(-2).AddHours(9);

        var (client, id) = await ConversationAsync("project-reminder-user");
        using var _ = client;
        await client.PostAsJsonAsync($"/v3/directline/conversations/{id}/activities", new { type = "message", text = "提醒我AY-2026-002截止前两天" });
        var before = await client.GetStringAsync($"/v3/directline/conversations/{id}/activities");
        Assert.Contains($"投标截止时间是{deadline:M月d日 HH:mm}", before);
        if (expected > DateTime.UtcNow.AddHours(8)) Assert.Contains($"我会在{expected:M月d日 HH:mm}提醒您", before);

        Assert.True(await host.Get<Assistant.Bot.Reminders.ReminderService>().DeliverDueAsync(DateTime.UtcNow.AddDays(60), CancellationToken.None) >= 1);
        var after = await client.GetStringAsync($"/v3/directline/conversations/{id}/activities");
        Assert.Contains($"AY-2026-002）的投标将于{deadline:M月d日 HH:mm}截止", after);
    }
}
