using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>
/// TEMPORARY stand-in for the bot's Direct Line 3.0 channel (polling subset that botframework-directlinejs uses),
/// replying "收到：…" to each message, until bot/Assistant.Bot lands on main; then the chat test starts the real bot.
/// </summary>
public sealed class FakeDirectLine : IAsyncDisposable
{
    private WebApplication? _app;
    private readonly ConcurrentDictionary<string, List<JsonObject>> _conversations = new();

    public string Domain { get; private set; } = "";

    public async Task StartAsync()
    {
        var port = ApiHost.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddCors();
        var app = builder.Build();
        // The chat page is served by the API on another port: Direct Line must allow cross-origin calls.
        app.UseCors(c => c.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod());
        var dl = app.MapGroup("/v3/directline");
        dl.MapPost("/tokens/generate", () => NewConversation());
        dl.MapPost("/tokens/refresh", (HttpRequest r) => Results.Json(new { token = Bearer(r) }));
        dl.MapPost("/conversations", (HttpRequest r) =>
        {
            var id = Bearer(r);
            if (id is null || !_conversations.ContainsKey(id)) return NewConversation();
            return Results.Json(new { conversationId = id, token = id, expires_in = 1800 }, statusCode: 201);
        });
        dl.MapGet("/conversations/{id}", (string id) => Results.Json(new { conversationId = id, token = id, expires_in = 1800 }));
        dl.MapPost("/conversations/{id}/activities", async (string id, HttpRequest r) =>
        {
            if (!_conversations.TryGetValue(id, out var activities)) return Results.NotFound();
            var activity = (await JsonNode.ParseAsync(r.Body))!.AsObject();
            lock (activities)
            {
                activity["id"] = $"{id}|{activities.Count:D7}";
                activity["timestamp"] = DateTime.UtcNow.ToString("O");
                activities.Add(activity);
                if (activity["type"]?.GetValue<string>() == "message")
                    activities.Add(new JsonObject
                    {
                        ["type"] = "message", ["id"] = $"{id}|{activities.Count:D7}", ["timestamp"] = DateTime.UtcNow.ToString("O"),
                        ["from"] = new JsonObject { ["id"] = "bot", ["name"] = "政府购买服务助手", ["role"] = "bot" },
                        ["text"] = $"收到：{activity["text"]?.GetValue<string>()}", ["locale"] = "zh-CN",
                        ["replyToId"] = activity["id"]!.GetValue<string>(),
                    });
                return Results.Json(new { id = activity["id"]!.GetValue<string>() });
            }
        });
        dl.MapGet("/conversations/{id}/activities", (string id, int? watermark) =>
        {
            if (!_conversations.TryGetValue(id, out var activities)) return Results.NotFound();
            lock (activities)
            {
                var from = watermark ?? 0;
                return Results.Json(new { activities = activities.Skip(from).Select(a => a.DeepClone()).ToList(), watermark = activities.Count.ToString() });
            }
        });
        await app.StartAsync();
        _app = app;
        Domain = $"http://127.0.0.1:{port}/v3/directline";
    }

    private IResult NewConversation()
    {
        var id = Guid.NewGuid().ToString("N");
        _conversations[id] = [];
        return Results.Json(new { conversationId = id, token = id, expires_in = 1800 }, statusCode: 201);
    }

    private static string? Bearer(HttpRequest r) =>
        r.Headers.Authorization.ToString() is { Length: > 7 } h && h.StartsWith("Bearer ") ? h[7..] : null;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
