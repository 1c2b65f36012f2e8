using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Assistant.Bot.Hosting;

/// <summary>
/// The Bot Framework endpoint's adapter. Authentication comes from MicrosoftAppId/MicrosoftAppPassword: with both
/// empty (local runs, the Emulator) requests are accepted unauthenticated; once set, every request must carry a valid
/// Bot Framework token.
/// </summary>
public sealed class BotFrameworkAdapter : CloudAdapter
{
    // The SDK's own settings for activities, without the indentation its responses carry.
    internal static readonly JsonSerializer Compact = CreateCompact();
    private static readonly ActivityJsonWriter Replies = new(Compact);

    private static JsonSerializer CreateCompact()
    {
        var serializer = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings);
        serializer.Formatting = Formatting.None;
        return serializer;
    }

    public BotFrameworkAdapter(BotFrameworkAuthentication auth, TurnErrorHandler errors, ILogger<BotFrameworkAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = errors.HandleAsync;
    }

    /// <summary>
    /// POST /api/messages with the body MessagesGuard has read and checked. Does what the SDK's ProcessAsync does for a
    /// POST, without reading the body a second time through a buffering stream and a copy, and with compact replies.
    /// </summary>
    public async Task ProcessAsync(HttpContext http, byte[] body, IBot bot, CancellationToken cancellationToken)
    {
        var activity = Parse(body);
        if (string.IsNullOrEmpty(activity?.Type))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            Logger.LogWarning("BadRequest: Missing activity or activity type.");
            return;
        }
        try
        {
            var invoke = await ProcessActivityAsync((string?)http.Request.Headers.Authorization, activity, bot.OnTurnAsync, cancellationToken);
            await WriteAsync(http.Response, invoke, cancellationToken);
        }
        catch (UnauthorizedAccessException e)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            Logger.LogWarning(e, "Unauthorized request to /api/messages");
        }
    }

    private static Activity? Parse(byte[] body)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body, writable: false)));
            return Compact.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return null; // as the SDK: a body that is JSON but not an Activity is a 400
        }
    }

    private static async Task WriteAsync(HttpResponse response, InvokeResponse? invoke, CancellationToken ct)
    {
        response.StatusCode = invoke?.Status ?? StatusCodes.Status200OK;
        if (invoke?.Body is null) return;
        var body = Replies.Serialize(invoke.Body);
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }
}
