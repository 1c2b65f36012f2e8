using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Bench.Load;

/// <summary>One worker function per scenario; each returns true when the response was the expected success.</summary>
public sealed class Scenarios(HttpClient http, string apiUrl, string botUrl)
{
    private static readonly string[] Questions = ["投标需要哪些材料？", "哪些事项不能购买", "绩效评价怎么做", "承接主体应当具备什么条件", "采用什么购买方式"];
    private static readonly string[] RegistrationTurns = ["我们想登记成为承接主体", "上虞区夕阳红养老服务中心", "取消"];
    private static readonly string[] Searches = ["养老", "居家養老", "校园安保", "环境监测", "社区"];
    private readonly ConcurrentQueue<string> _ratingTokens = new();
    private string? _staffToken;

    public Func<CancellationToken, Task<bool>> Ceiling(string url) => async ct =>
    {
        using var r = await http.GetAsync(url, ct);
        return r.IsSuccessStatusCode;
    };

    public Func<CancellationToken, Task<bool>> ProjectSearch(int worker)
    {
        var i = worker;
        return async ct =>
        {
            var q = Uri.EscapeDataString(Searches[i++ % Searches.Length]);
            using var r = await http.GetAsync($"{apiUrl}/api/projects?q={q}&take=20", ct);
            return r.IsSuccessStatusCode;
        };
    }

    public Func<CancellationToken, Task<bool>> PolicyAnswer(int worker)
    {
        var i = worker;
        return async ct =>
        {
            var q = Uri.EscapeDataString(Questions[i++ % Questions.Length]);
            using var r = await http.GetAsync($"{apiUrl}/api/policies/answer?q={q}", ct);
            return r.IsSuccessStatusCode;
        };
    }

    /// <summary>A bot turn through /api/messages with expectReplies: state read and written, replies in the response.</summary>
    /// <remarks>The generator shares the machine's cores with the services, so it builds bodies from a template and
    /// checks replies on the raw bytes instead of building and parsing JSON trees.</remarks>
    public Func<CancellationToken, Task<bool>> BotTurn(int worker)
    {
        var conversation = $"bench-{Guid.NewGuid():N}";
        var n = 0;
        return async ct =>
        {
            // Every turn changes the conversation state, so every turn reads and writes it: a registration flow is started,
            // given the organisation's name (the next prompt), and cancelled, over and over.
            var text = RegistrationTurns[n % RegistrationTurns.Length];
            var body = $$"""{"type":"message","id":"{{conversation}}-{{n++}}","text":"{{text}}","channelId":"emulator","serviceUrl":"http://127.0.0.1:1","deliveryMode":"expectReplies","from":{"id":"user-{{worker}}"},"recipient":{"id":"bot"},"conversation":{"id":"{{conversation}}"},"locale":"zh-CN"}""";
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var r = await http.PostAsync($"{botUrl}/api/messages", content, ct);
            if (!r.IsSuccessStatusCode) return false;
            var reply = await r.Content.ReadAsByteArrayAsync(ct);
            // At least one reply: the response lists the turn's activities, each replying to the one sent.
            return reply.AsSpan().IndexOf("\"activities\""u8) >= 0 && reply.AsSpan().IndexOf("\"replyToId\""u8) >= 0;
        };
    }

    /// <summary>A bot turn through the local Direct Line channel: post an activity, poll until the bot's reply arrives.</summary>
    public Func<CancellationToken, Task<bool>> DirectLineTurn(int worker)
    {
        string? token = null, conversationId = null, watermark = null;
        return async ct =>
        {
            if (token is null)
            {
                using var generate = new HttpRequestMessage(HttpMethod.Post, $"{botUrl}/v3/directline/tokens/generate")
                { Content = Json(new { user = new { id = $"dl-user-{worker}" } }) };
                using var g = await http.SendAsync(generate, ct);
                if (!g.IsSuccessStatusCode) return false;
                var gen = await g.Content.ReadFromJsonAsync<JsonObject>(ct);
                token = gen!["token"]!.GetValue<string>();
                using var create = new HttpRequestMessage(HttpMethod.Post, $"{botUrl}/v3/directline/conversations");
                create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var c = await http.SendAsync(create, ct);
                if (!c.IsSuccessStatusCode) return false;
                var conv = await c.Content.ReadFromJsonAsync<JsonObject>(ct);
                conversationId = conv!["conversationId"]!.GetValue<string>();
                token = conv["token"]?.GetValue<string>() ?? token;
            }
            using var post = new HttpRequestMessage(HttpMethod.Post, $"{botUrl}/v3/directline/conversations/{conversationId}/activities")
            { Content = Json(new { type = "message", text = "你好", from = new { id = $"dl-user-{worker}" }, locale = "zh-CN" }) };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var p = await http.SendAsync(post, ct);
            if (!p.IsSuccessStatusCode) return false;
            var sentId = (await p.Content.ReadFromJsonAsync<JsonObject>(ct))?["id"]?.GetValue<string>();
            for (var attempt = 0; attempt < 200; attempt++)
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"{botUrl}/v3/directline/conversations/{conversationId}/activities?watermark={watermark}");
                get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var a = await http.SendAsync(get, ct);
                if (!a.IsSuccessStatusCode) return false;
                var set = await a.Content.ReadFromJsonAsync<JsonObject>(ct);
                watermark = set?["watermark"]?.GetValue<string>() ?? watermark;
                var replies = set?["activities"]?.AsArray().Where(x => x?["from"]?["id"]?.GetValue<string>() != $"dl-user-{worker}" && x?["replyToId"]?.GetValue<string>() == sentId);
                if (replies?.Any() == true) return true;
                await Task.Delay(5, ct);
            }
            return false;
        };
    }

    /// <summary>Rating submission: each rating uses its own pre-created link (one rating per link and visit) and a fresh idempotency key.</summary>
    public Func<CancellationToken, Task<bool>> RatingSubmission(int worker) => async ct =>
    {
        if (!_ratingTokens.TryDequeue(out var token))
        {
            // The pool ran dry: stop this worker instead of spinning (a spin would load the machine being measured).
            Interlocked.Increment(ref _ratingPoolDry);
            await Task.Delay(Timeout.Infinite, ct);
        }
        // As the rating page sends it: a JSON string with a Content-Length (fetch with JSON.stringify), not a chunked stream.
        using var content = Json(new { token, idempotencyKey = Guid.NewGuid().ToString(), score = 4 + worker % 2, dimensions = new Dictionary<string, int>(), comment = "服务很好" });
        using var r = await http.PostAsync($"{apiUrl}/api/ratings", content, ct);
        return r.IsSuccessStatusCode;
    };

    /// <summary>A JSON body with its length, as browsers and the mobile pages send (HttpClient's JsonContent would stream it chunked).</summary>
    private static ByteArrayContent Json<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private int _ratingPoolDry;

    /// <summary>Workers that found no rating link left; a result with any is a lower bound, and the run says so.</summary>
    public int TakeRatingPoolDry() => Interlocked.Exchange(ref _ratingPoolDry, 0);

    public async Task PrepareRatingLinksAsync(string contractId, int count)
    {
        _staffToken ??= await ApiSetup.SignInAsync(http, apiUrl, "staff");
        await ApiSetup.AddRatingLinksAsync(http, apiUrl, _staffToken, contractId, count, _ratingTokens);
    }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
