using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Hosting;

/// <summary>
/// Reads and checks a POST /api/messages body before the Bot Framework adapter sees it: malformed JSON, a body that is
/// not an Activity, an unknown activity type or an oversized text get a 4xx ProblemDetails here instead of an exception
/// (a 500) deeper in the SDK. The adapter then parses the same bytes (<see cref="BotFrameworkAdapter.ProcessAsync(HttpContext, byte[], Microsoft.Bot.Builder.IBot, CancellationToken)"/>).
/// </summary>
internal static class MessagesGuard
{
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxTextLength = 5_000;

    private static readonly HashSet<string> KnownTypes = typeof(ActivityTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The body, read once and checked; or the problem to answer with instead.</summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return (null, TooLarge());
        try
        {
            var body = await ReadBodyAsync(request, ct);
            if (body is null) return (null, TooLarge());
            return (body, Check(body));
        }
        catch (JsonException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "请求体不是有效的 JSON", null));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (IOException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "请求体无法读取", "请求体不完整或已中断"));
        }
    }

    private static IResult? Check(byte[] body)
    {
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return Problem(StatusCodes.Status400BadRequest, "请求体不是 Activity", "应为一个 JSON 对象");
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !KnownTypes.Contains(type.GetString()!))
            return Problem(StatusCodes.Status400BadRequest, "Activity 类型无效", "type 应为 Bot Framework 定义的类型，如 message");
        if (root.TryGetProperty("text", out var text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            return Problem(StatusCodes.Status400BadRequest, "text 应为字符串", null);
        if (text.ValueKind == JsonValueKind.String && text.GetString()!.Length > MaxTextLength)
            return Problem(StatusCodes.Status413PayloadTooLarge, "消息太长", $"一条消息不能超过 {MaxTextLength} 个字，请分几次发送");
        return null;
    }

    /// <summary>Null when the body is larger than <see cref="MaxBodyBytes"/> (a chunked body has no Content-Length to check first).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(ct);
            var buffer = read.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "消息太大", $"请求体不能超过 {MaxBodyBytes / 1024} KB");

    private static IResult Problem(int status, string title, string? detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
