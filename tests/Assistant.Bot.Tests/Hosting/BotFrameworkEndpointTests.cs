using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Tests.Infrastructure;

namespace Assistant.Bot.Tests.Hosting;

[Collection(BotCollection.Name)]
public sealed class BotFrameworkEndpointTests(BotHostFixture host)
{
    private static object Message(string text) => new
    {
        type = "message", id = Guid.NewGuid().ToString("N"), text, channelId = "emulator", serviceUrl = "http://127.0.0.1:9",
        deliveryMode = "expectReplies",
        from = new { id = "emulator-user", role = "user" }, recipient = new { id = "bot" },
        conversation = new { id = Guid.NewGuid().ToString("N") },
    };

    [Fact]
    public async Task ExpectReplies_returns_the_replies_in_the_http_response()
    {
        using var client = new HttpClient { BaseAddress = host.BotUrl };
        var response = await client.PostAsJsonAsync("/api/messages", Message("查一下SY-2025-001项目的状态"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain('\n', await response.Content.ReadAsStringAsync()); // compact, not the SDK's indented JSON
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var texts = body.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Contains(texts, t => t!.Contains("当前阶段：服务中"));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413_and_a_message_in_chunks_is_answered()
    {
        using var client = new HttpClient { BaseAddress = host.BotUrl };
        // A short message whose size is elsewhere (channel data): only the body limit can refuse it.
        var bulky = JsonSerializer.SerializeToNode(Message("你好"))!;
        bulky["channelData"] = new string('x', 300_000);
        var refused = await client.SendAsync(Chunked(bulky));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var answered = await client.SendAsync(Chunked(Message("你好")));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.NotEmpty((await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray());
    }

    /// <summary>No Content-Length: the size is only known by reading.</summary>
    private static HttpRequestMessage Chunked(object activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    [Fact]
    public async Task With_an_app_id_configured_unauthenticated_requests_are_refused()
    {
        var dataDir = TempDir.Create();
        await using var secured = await BotHosts.StartAsync(dataDir, "http://127.0.0.1:9", settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = Guid.NewGuid().ToString(), ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
        using var client = new HttpClient { BaseAddress = new Uri(secured.Urls.First()) };
        var response = await client.PostAsJsonAsync("/api/messages", Message("你好"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await secured.StopAsync();
        TempDir.Delete(dataDir);
    }
}

[Collection(BotCollection.Name)]
public sealed class NluEndpointTests(BotHostFixture host)
{
    [Fact]
    public async Task The_bot_host_serves_the_parse_endpoint()
    {
        using var client = new HttpClient { BaseAddress = host.BotUrl };
        var response = await client.PostAsJsonAsync("/api/nlu/parse", new { text = "查一下SY-2025-001项目的状态" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("project.status", body.GetProperty("intent").GetProperty("name").GetString());
        Assert.Contains(body.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "projectcode");
    }
}
