using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Assistant.Bot.Tests.Hostile;

/// <summary>
/// Malformed and hostile input on /api/messages and Direct Line: never a 5xx; a refusal is a 4xx (ProblemDetails where
/// the channel is ours), a well-formed message gets a polite reply, and an existing conversation is untouched.
/// </summary>
public sealed class BotHostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _dataDir = TempDir.Create();
    private WebApplication _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHosts.StartAsync(_dataDir, "http://127.0.0.1:1", settings: new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
        _http = new HttpClient { BaseAddress = new Uri(_bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        TempDir.Delete(_dataDir);
    }

    private static readonly string[] HostileTexts =
    [
        "<script>alert(1)</script>", "{\"$gt\":\"\"}", "' OR 1=1 --", "${jndi:ldap://127.0.0.1/a}", "\u0000\u0001", "\uD800",
        new string('政', 20_000), "🙂", "", "   ", "SY-2025-001'; DROP TABLE projects; --", "{{7*7}}",
    ];

    private static IEnumerable<(string Name, byte[] Body)> Bodies()
    {
        (string, byte[]) Json(string name, string json) => (name, Encoding.UTF8.GetBytes(json));
        yield return Json("empty", "");
        yield return Json("truncated", "{\"type\":\"message\",\"text\":\"你");
        yield return Json("array", "[1,2,3]");
        yield return Json("string", "\"hello\"");
        yield return Json("null", "null");
        yield return Json("no type", "{\"text\":\"你好\"}");
        yield return Json("unknown type", "{\"type\":\"teleport\",\"text\":\"你好\"}");
        yield return Json("wrong types", "{\"type\":7,\"text\":{\"a\":1},\"from\":\"x\",\"conversation\":[]}");
        yield return Json("deep nesting", "{\"type\":\"message\",\"channelData\":" + new string('[', 3000) + new string(']', 3000) + "}");
        yield return Json("nosql operators", "{\"type\":\"message\",\"text\":{\"$gt\":\"\"},\"from\":{\"id\":{\"$ne\":null}}}");
        yield return ("invalid utf-8", [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]);
        yield return Json("huge text", "{\"type\":\"message\",\"text\":\"" + new string('政', 200_000) + "\"}");
    }

    [Fact]
    public async Task Hostile_messages_never_get_a_server_error_and_leave_other_conversations_alone()
    {
        var failures = new List<string>();
        var sent = 0;
        var (token, conversationId) = await StartConversationAsync("keeper");
        await PostActivityAsync(token, conversationId, new { type = "message", text = "你好", from = new { id = "keeper" } });
        var before = await ActivityCountAsync(token, conversationId);

        foreach (var (name, body) in Bodies())
        {
            sent++;
            await CheckAsync(new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Content(body) }, $"/api/messages [{name}]", failures, problemRequired: false);
            var (t, id) = await StartConversationAsync("attacker");
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities") { Content = Content(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t);
            sent++;
            // Direct Line passes activity types it does not know on to the bot (which ignores them), as the Azure service does.
            await CheckAsync(request, $"directline activities [{name}]", failures, problemRequired: true, mayPass: name == "unknown type");
        }
        foreach (var text in HostileTexts)
        {
            var activity = new
            {
                type = "message", text, channelId = "emulator", serviceUrl = "http://127.0.0.1:1", deliveryMode = "expectReplies",
                from = new { id = "attacker" }, recipient = new { id = "bot" }, conversation = new { id = "hostile-" + Guid.NewGuid().ToString("N") },
            };
            sent++;
            using var response = await _http.PostAsJsonAsync("/api/messages", activity);
            if ((int)response.StatusCode >= 500) failures.Add($"expectReplies [{text[..Math.Min(text.Length, 20)]}] → {(int)response.StatusCode}");
            else if (response.IsSuccessStatusCode && !(await response.Content.ReadAsStringAsync()).Contains("\"activities\""))
                failures.Add($"expectReplies [{text[..Math.Min(text.Length, 20)]}] → no reply");
            var (t, id) = await StartConversationAsync("attacker");
            sent++;
            var posted = await PostActivityAsync(t, id, new { type = "message", text, from = new { id = "attacker" } });
            if ((int)posted >= 500) failures.Add($"directline text [{text[..Math.Min(text.Length, 20)]}] → {(int)posted}");
        }
        foreach (var bad in new[] { "abc", "-1", "99999999999999999999", "{\"$gt\":\"\"}" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={Uri.EscapeDataString(bad)}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            sent++;
            await CheckAsync(request, $"watermark [{bad}]", failures, problemRequired: true, mayPass: true);
        }
        foreach (var header in new[] { "Bearer", "Bearer garbage", "Bearer a.b.c", "Basic eDp5", "Bearer " + new string('A', 10_000) })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            sent++;
            await CheckAsync(request, $"directline auth [{header[..Math.Min(header.Length, 20)]}]", failures, problemRequired: false);
        }

        output.WriteLine($"{sent} hostile requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await ActivityCountAsync(token, conversationId));
    }

    private async Task CheckAsync(HttpRequestMessage request, string label, List<string> failures, bool problemRequired, bool mayPass = false)
    {
        using var response = await _http.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status >= 500) failures.Add($"{label} → {status}");
        else if (status < 400 && !mayPass) failures.Add($"{label} → {status} (accepted)");
        else if (status >= 400 && problemRequired && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            failures.Add($"{label} → {status} without ProblemDetails");
    }

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<(string Token, string ConversationId)> StartConversationAsync(string user)
    {
        var generated = await (await _http.PostAsJsonAsync("/v3/directline/tokens/generate", new { user = new { id = user } })).Content.ReadFromJsonAsync<JsonElement>();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", generated.GetProperty("token").GetString());
        var created = await (await _http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return (created.TryGetProperty("token", out var t) ? t.GetString()! : generated.GetProperty("token").GetString()!, created.GetProperty("conversationId").GetString()!);
    }

    private async Task<HttpStatusCode> PostActivityAsync(string token, string conversationId, object activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<int> ActivityCountAsync(string token, string conversationId)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var set = await (await _http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
            var count = set.GetProperty("activities").GetArrayLength();
            if (count >= 2) return count;
            await Task.Delay(100);
        }
        return -1;
    }
}
