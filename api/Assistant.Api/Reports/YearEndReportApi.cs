using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Plans;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Reports;

/// <summary>Year-end statistics: JSON for the mobile staff pages and the bot, CSV and XLSX to download (staff: own department; finance: all).</summary>
public static class YearEndReportApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapYearEndReportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports/year-end").WithTags("Reports").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/{year:int}", Json);
        group.MapGet("/{year:int}.csv", Csv);
        group.MapGet("/{year:int}.xlsx", Xlsx);
        return app;
    }

    public static async Task<Results<Ok<YearEndReportDto>, ValidationProblem, ProblemHttpResult>> Json(
        int year, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct, string? department = null, string? region = null)
    {
        var (report, invalid, forbidden) = await ReportAsync(year, store, user, clock, department, region, ct);
        if (invalid is not null) return invalid;
        if (forbidden is not null) return forbidden;
        return TypedResults.Ok(report!);
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Csv(
        int year, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct, string? department = null, string? region = null)
    {
        var (report, invalid, forbidden) = await ReportAsync(year, store, user, clock, department, region, ct);
        if (invalid is not null) return invalid;
        if (forbidden is not null) return forbidden;
        return TypedResults.File(YearEndExport.Csv(report!), "text/csv; charset=utf-8", FileName(report!, "csv"));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Xlsx(
        int year, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct, string? department = null, string? region = null)
    {
        var (report, invalid, forbidden) = await ReportAsync(year, store, user, clock, department, region, ct);
        if (invalid is not null) return invalid;
        if (forbidden is not null) return forbidden;
        return TypedResults.File(YearEndExport.Xlsx(report!), XlsxType, FileName(report!, "xlsx"));
    }

    private static async Task<(YearEndReportDto?, ValidationProblem?, ProblemHttpResult?)> ReportAsync(
        int year, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, string? department, string? region, CancellationToken ct)
    {
        var scope = StaffScope.Resolve(user, clock, year, department);
        if (scope.Invalid is not null || scope.Forbidden is not null) return (null, scope.Invalid, scope.Forbidden);
        if (region?.Length > 50)
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["region"] = ["地区不能超过50个字"] }), null);
        var report = await YearEndReport.ComputeAsync(store, scope.Year, scope.Department, string.IsNullOrWhiteSpace(region) ? null : region.Trim(), ct);
        return (report, null, null);
    }

    private static string FileName(YearEndReportDto report, string extension) => $"{report.Year}年度购买服务统计-{report.Scope}.{extension}";
}
