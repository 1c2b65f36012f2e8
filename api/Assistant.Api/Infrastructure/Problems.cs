using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Infrastructure;

/// <summary>ProblemDetails (application/problem+json) with Chinese titles, for the outcomes every feature shares.</summary>
public static class Problems
{
    public static ProblemHttpResult BadRequest(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult Forbidden(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);

    public static ProblemHttpResult Gone(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: title, detail: detail);

    /// <summary>A request that is well-formed but breaks a business rule (deadline passed, illegal transition…).</summary>
    public static ProblemHttpResult Unprocessable(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);
}
