using System.Net;
using System.Text.Json;
using Refit;

namespace Assistant.Bot.Api;

/// <summary>The title, detail and field errors of a ProblemDetails answer, so flows can repeat the API's Chinese reason.</summary>
public sealed record ApiProblem(HttpStatusCode Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem From(ApiException e)
    {
        string? title = null, detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (!string.IsNullOrEmpty(e.Content))
            {
                using var doc = JsonDocument.Parse(e.Content);
                var root = doc.RootElement;
                if (root.TryGetProperty("title", out var t)) title = t.GetString();
                if (root.TryGetProperty("detail", out var d)) detail = d.GetString();
                if (root.TryGetProperty("errors", out var errs) && errs.ValueKind == JsonValueKind.Object)
                    foreach (var field in errs.EnumerateObject())
                        errors[field.Name] = field.Value.EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
            }
        }
        catch (JsonException)
        {
            // Not ProblemDetails: fall back to the status alone.
        }
        return new ApiProblem(e.StatusCode, title, detail, errors);
    }

    /// <summary>One sentence for the user: field errors first, else the detail, else the title.</summary>
    public string Sentence() =>
        Errors.Count > 0 ? string.Join("；", Errors.SelectMany(e => e.Value)) : Detail ?? Title ?? "操作没有成功，请稍后再试。";
}
