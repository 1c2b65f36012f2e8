using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Assistant.Bot.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset Web Chat and botframework-directlinejs use: tokens, conversations, posting activities,
/// polling with watermarks, and a WebSocket stream. Every conversation call needs a token bound to that conversation
/// (or the configured secret).
/// </summary>
public static class DirectLineApi
{
    private const int MaxActivityBytes = 64 * 1024;

    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineAdapter>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").WithTags("Direct Line");
        group.MapPost("/tokens/generate", GenerateToken);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapPost("/conversations", StartConversation);
        group.MapGet("/conversations/{id}", ResumeConversation);
        group.MapPost("/conversations/{id}/activities", PostActivity);
        group.MapGet("/conversations/{id}/activities", GetActivities);
        group.MapPost("/conversations/{id}/upload", () => Error(StatusCodes.Status400BadRequest, "BadArgument", "本助手暂不支持上传附件，请用文字描述。"));
        group.MapGet("/conversations/{id}/stream", DirectLineStream.AcceptAsync);
        return app;
    }

    private static async Task<IResult> GenerateToken(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken ct)
    {
        if (tokens.SecretRequired && !tokens.IsSecret(Bearer(request))) return Error(StatusCodes.Status403Forbidden, "Forbidden", "需要 Direct Line 密钥。");
        var conversation = await conversations.CreateAsync(await UserIdFromBodyAsync(request), ct);
        return await ConversationResult(request, tokens, conversation, StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> RefreshToken(HttpRequest request, DirectLineTokens tokens, CancellationToken ct)
    {
        if (await tokens.VerifyAsync(Bearer(request), ct) is not { } grant) return Error(StatusCodes.Status403Forbidden, "TokenExpired", "令牌无效或已过期。");
        return Results.Json(new { conversationId = grant.ConversationId, token = await tokens.IssueAsync(grant.ConversationId, grant.UserId, ct), expires_in = (int)tokens.Lifetime.TotalSeconds });
    }

    private static async Task<IResult> StartConversation(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineAdapter adapter, IBot bot, CancellationToken ct)
    {
        var bearer = Bearer(request);
        DirectLineConversation? conversation;
        if (await tokens.VerifyAsync(bearer, ct) is { } grant)
        {
            conversation = await conversations.GetAsync(grant.ConversationId, ct);
            if (conversation is null) return Error(StatusCodes.Status404NotFound, "BadArgument", "会话不存在。");
        }
        else if (tokens.IsSecret(bearer) || (!tokens.SecretRequired && string.IsNullOrEmpty(bearer)))
        {
            conversation = await conversations.CreateAsync(await UserIdFromBodyAsync(request), ct);
        }
        else return Error(StatusCodes.Status403Forbidden, "Forbidden", "令牌无效或已过期。");

        if (await conversations.StartAsync(conversation, ct))
        {
            // Like the real channel: the bot hears the user join, so it can welcome them before they type.
            var update = Incoming(request, conversation, new Activity(ActivityTypes.ConversationUpdate)
            {
                MembersAdded = [DirectLineAdapter.Bot, new ChannelAccount(conversation.UserId, role: RoleTypes.User)],
            });
            await adapter.ProcessAsync(update, bot, ct);
        }
        return await ConversationResult(request, tokens, conversation, StatusCodes.Status201Created, ct);
    }

    private static async Task<IResult> ResumeConversation(string id, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken ct)
    {
        if (await AuthoriseAsync(request, tokens, id, ct) is { } denied) return denied;
        var conversation = await conversations.GetAsync(id, ct);
        return conversation is null ? Error(StatusCodes.Status404NotFound, "BadArgument", "会话不存在。")
            : await ConversationResult(request, tokens, conversation, StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> PostActivity(string id, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineAdapter adapter, IBot bot, CancellationToken ct)
    {
        if (await AuthoriseAsync(request, tokens, id, ct) is { } denied) return denied;
        var conversation = await conversations.GetAsync(id, ct);
        if (conversation is null) return Error(StatusCodes.Status404NotFound, "BadArgument", "会话不存在。");
        if (request.ContentLength > MaxActivityBytes) return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "消息太长。");
        Activity? activity;
        try { activity = JsonConvert.DeserializeObject<Activity>(await new StreamReader(request.Body).ReadToEndAsync(ct)); }
        catch (JsonException) { activity = null; }
        if (activity?.Type is null) return Error(StatusCodes.Status400BadRequest, "BadArgument", "请求体应为 Activity JSON（至少包含 type）。");

        var incoming = Incoming(request, conversation, activity);
        var activityId = await conversations.AppendAsync(id, incoming, ct);
        await adapter.ProcessAsync(incoming, bot, ct);
        return Results.Json(new { id = activityId });
    }

    private static async Task<IResult> GetActivities(string id, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken ct, string? watermark = null)
    {
        if (await AuthoriseAsync(request, tokens, id, ct) is { } denied) return denied;
        var (activities, last) = await conversations.ReadAsync(id, ParseWatermark(watermark), ct);
        return Results.Content(ActivitySet(activities, last), "application/json");
    }

    public static string ActivitySet(IReadOnlyList<string> activities, long watermark) =>
        new JObject { ["activities"] = new JArray(activities.Select(JObject.Parse)), ["watermark"] = watermark.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .ToString(Formatting.None);

    public static long ParseWatermark(string? watermark) => long.TryParse(watermark, out var w) && w > 0 ? w : 0;

    /// <summary>The activity as the channel delivers it: ids, channel, conversation and the token's user fixed by us, not the client.</summary>
    private static Activity Incoming(HttpRequest request, DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = DirectLineAdapter.ChannelId;
        activity.ServiceUrl = $"{request.Scheme}://{request.Host}/v3/directline";
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.From = new ChannelAccount(conversation.UserId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = DirectLineAdapter.Bot;
        activity.Timestamp = null;
        activity.Locale ??= "zh-CN";
        return activity;
    }

    internal static async Task<IResult?> AuthoriseAsync(HttpRequest request, DirectLineTokens tokens, string conversationId, CancellationToken ct, string? token = null)
    {
        var bearer = token ?? Bearer(request);
        if (tokens.IsSecret(bearer)) return null;
        var grant = await tokens.VerifyAsync(bearer, ct);
        if (grant is null) return Error(StatusCodes.Status403Forbidden, "TokenExpired", "令牌无效或已过期。");
        return grant.ConversationId == conversationId ? null : Error(StatusCodes.Status403Forbidden, "Forbidden", "令牌不属于该会话。");
    }

    private static async Task<IResult> ConversationResult(HttpRequest request, DirectLineTokens tokens, DirectLineConversation conversation, int status, CancellationToken ct)
    {
        var token = await tokens.IssueAsync(conversation.Id, conversation.UserId, ct);
        var scheme = request.Scheme == "https" ? "wss" : "ws";
        var streamUrl = $"{scheme}://{request.Host}/v3/directline/conversations/{conversation.Id}/stream?t={Uri.EscapeDataString(token)}";
        return Results.Json(new { conversationId = conversation.Id, token, expires_in = (int)tokens.Lifetime.TotalSeconds, streamUrl }, statusCode: status);
    }

    private static async Task<string?> UserIdFromBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 or > MaxActivityBytes) return null;
        try
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var id = string.IsNullOrWhiteSpace(body) ? null : JObject.Parse(body)["user"]?["id"]?.ToString();
            return id is { Length: > 0 and <= 64 } ? id : null;
        }
        catch (JsonException) { return null; }
    }

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? h[7..].Trim() : null;

    /// <summary>ProblemDetails that also carry Direct Line's own <c>error { code, message }</c>, so both kinds of client read it.</summary>
    private static IResult Error(int status, string code, string message) =>
        Results.Problem(statusCode: status, title: message, extensions: new Dictionary<string, object?> { ["error"] = new { code, message } });
}
