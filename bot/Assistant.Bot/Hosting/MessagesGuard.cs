using System.Reflection;
using System.Text.Json;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Hosting;

/// <summary>
/// Checks a POST /api/messages body before the Bot Framework adapter sees it: malformed JSON, a body that is not an
/// Activity, an unknown activity type or an oversized text get a 4xx ProblemDetails here instead of an exception
/// (a 500) deeper in the SDK.
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

    public static async Task<IResult?> RejectAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return Problem(StatusCodes.Status413PayloadTooLarge, "消息太大", $"请求体不能超过 {MaxBodyBytes / 1024} KB");
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 64 }, ct);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Problem(StatusCodes.Status400BadRequest, "请求体不是 Activity", "应为一个 JSON 对象");
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !KnownTypes.Contains(type.GetString()!))
                return Problem(StatusCodes.Status400BadRequest, "Activity 类型无效", "type 应为 Bot Framework 定义的类型，如 message");
            if (root.TryGetProperty("text", out var text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return Problem(StatusCodes.Status400BadRequest, "text 应为字符串", null);
            if (text.ValueKind == JsonValueKind.String && text.GetString()!.Length > MaxTextLength)
                return Problem(StatusCodes.Status413PayloadTooLarge, "消息太长", $"一条消息不能超过 {MaxTextLength} 个字，请分几次发送");
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "请求体不是有效的 JSON", null);
        }
        catch (IOException)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "消息太大", $"请求体不能超过 {MaxBodyBytes / 1024} KB");
        }
        catch (InvalidOperationException)
        {
            return Problem(StatusCodes.Status400BadRequest, "请求体无法读取", null);
        }
        request.Body.Position = 0;
        return null;
    }

    private static IResult Problem(int status, string title, string? detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
