using System.Net.WebSockets;
using System.Text;

namespace Assistant.Bot.DirectLine;

/// <summary>
/// The WebSocket stream (Web Chat's default): pushes { activities, watermark } sets as they appear in the store.
/// It polls the shared store, so a reply written by another instance reaches this socket too.
/// </summary>
public static class DirectLineStream
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<IResult> AcceptAsync(string id, HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, string? t = null, string? watermark = null)
    {
        if (!http.WebSockets.IsWebSocketRequest) return Results.BadRequest(new { error = new { code = "BadArgument", message = "需要 WebSocket 连接。" } });
        if (await DirectLineApi.AuthoriseAsync(http.Request, tokens, id, http.RequestAborted, t) is { } denied) return denied;

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var ct = http.RequestAborted;
        var last = DirectLineApi.ParseWatermark(watermark);
        var receiving = DrainAsync(socket, ct);
        try
        {
            while (socket.State == WebSocketState.Open && !receiving.IsCompleted && !ct.IsCancellationRequested)
            {
                var (activities, next) = await conversations.ReadAsync(id, last, ct);
                if (activities.Count > 0)
                {
                    last = next;
                    var bytes = Encoding.UTF8.GetBytes(DirectLineApi.ActivitySet(activities, next));
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
                }
                await Task.WhenAny(Task.Delay(PollInterval, ct), receiving);
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        return Results.Empty;
    }

    /// <summary>Clients send nothing but pings and the close frame; reading is what notices them leaving.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }
}
