using Refit;

namespace Assistant.Contracts.Api;

/// <summary>Purchase plans, the project library and the year-end report, as the bot and the mobile staff pages call them.</summary>
public interface IPlansApi
{
    /// <summary>The caller's department's plan review status ("我们局今年的购买计划审核到哪了").</summary>
    [Get("/api/plans/summary")]
    Task<PlanSummaryDto> GetPlanSummaryAsync(int? year = null, string? department = null, CancellationToken ct = default);

    [Get("/api/plans")]
    Task<IReadOnlyList<PurchasePlanDto>> GetPlansAsync(int? year = null, string? department = null, CancellationToken ct = default);

    [Post("/api/plans/{year}/items")]
    Task<PlanItemDto> SubmitPlanItemAsync(int year, [Body] PlanItemRequest request, CancellationToken ct = default);

    [Get("/api/library")]
    Task<LibraryDto> GetLibraryAsync(int? year = null, string? department = null, CancellationToken ct = default);

    [Get("/api/reports/year-end/{year}")]
    Task<YearEndReportDto> GetYearEndReportAsync(int year, string? department = null, string? region = null, CancellationToken ct = default);
}
