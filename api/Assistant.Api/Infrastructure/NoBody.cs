using System.Text.Json;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// For POST endpoints that take no input: no body, or an empty JSON object. Anything else is refused with a field
/// error, so a client that believes it is sending parameters learns they are ignored instead of getting a silent 200.
/// </summary>
public sealed class NoBodyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength is null or 0 && request.ContentType is null)
            return await next(context);
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 4 }, context.HttpContext.RequestAborted);
            if (json.RootElement.ValueKind == JsonValueKind.Object && !json.RootElement.EnumerateObject().Any())
                return await next(context);
        }
        catch (JsonException)
        {
        }
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["此接口不需要请求内容：请不发送内容或发送 {}"] });
    }
}

public static class NoBodyExtensions
{
    public static RouteHandlerBuilder AcceptsNoBody(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<NoBodyFilter>().ProducesValidationProblem();
}
