using System.Text.Json;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Assistant.Language;

/// <summary>
/// Rasa-style parse endpoint: POST /api/nlu/parse { "text" } → intent, entities, ranking.
/// Hosted by the bot host (it owns the language model); the host calls <c>app.MapNluApi()</c>.
/// </summary>
public static class NluApi
{
    private static readonly JsonSerializerOptions ValueJson = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapNluApi(this IEndpointRouteBuilder app, string prefix = "/api/nlu")
    {
        var group = app.MapGroup(prefix).WithTags("NLU");
        group.MapPost("/parse", Parse)
            .WithName("NluParse")
            .WithSummary("Intent and entities of one Chinese utterance (Simplified or Traditional)");
        return group;
    }

    public static Results<Ok<NluParseResponse>, ValidationProblem> Parse(NluParseRequest? request, ILanguageUnderstanding language)
    {
        var text = request?.Text;
        if (string.IsNullOrWhiteSpace(text))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["请输入要理解的文字（text 不能为空）"] });
        if (text.Length > LanguageUnderstanding.MaxTextLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [$"文字过长：最多{LanguageUnderstanding.MaxTextLength}个字符，收到{text.Length}个"],
            });
        return TypedResults.Ok(ToResponse(language.Parse(text)));
    }

    public static NluParseResponse ToResponse(ParseResult result) => new(
        result.Text,
        new NluIntent(result.Intent.Name, result.Intent.Confidence),
        result.Entities.Select(e => new NluEntity(e.Type, ToJson(e.Value), e.Text, e.Start, e.End, e.Inferred, e.Error)).ToList(),
        result.IntentRanking.Select(i => new NluIntent(i.Name, i.Confidence)).ToList());

    private static JsonElement ToJson(object value) => value switch
    {
        DateOnly d => JsonSerializer.SerializeToElement(d.ToString("yyyy-MM-dd"), ValueJson),
        DateRange r => JsonSerializer.SerializeToElement(new { start = r.Start?.ToString("yyyy-MM-dd"), end = r.End?.ToString("yyyy-MM-dd") }, ValueJson),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), ValueJson),
    };
}
