using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Plans;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Library;

/// <summary>项目库: every planned and running project with budget versus contract versus paid (staff: own department; finance: all).</summary>
public static class LibraryApi
{
    public static IEndpointRouteBuilder MapLibraryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/library", Get).WithTags("Library").RequireAuthorization(AuthSetup.StaffPolicy);
        return app;
    }

    public static async Task<Results<Ok<LibraryDto>, ValidationProblem, ProblemHttpResult>> Get(
        IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct, int? year = null, string? department = null)
    {
        var scope = StaffScope.Resolve(user, clock, year, department);
        if (scope.Invalid is not null) return scope.Invalid;
        if (scope.Forbidden is not null) return scope.Forbidden;

        var rows = await ProjectLibrary.RowsAsync(store, scope.Year, scope.Department, region: null, ct);
        return TypedResults.Ok(new LibraryDto(scope.Year, scope.Department, rows,
            rows.Sum(r => r.Budget), rows.Sum(r => r.ContractAmount ?? 0), rows.Sum(r => r.PaidSoFar),
            rows.Count(r => r.ContractOverBudget || r.PaymentsOverBudget || r.PaymentsOverContract)));
    }
}
