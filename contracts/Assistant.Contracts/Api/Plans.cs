using Assistant.Contracts.Domain;

namespace Assistant.Contracts.Api;

/// <summary>Where a purchase plan item stands in finance review.</summary>
public enum PlanItemStatus
{
    Submitted,
    Approved,
    Returned,
}

public static class PlanText
{
    public static string Label(this PlanItemStatus status) => status switch
    {
        PlanItemStatus.Submitted => "待审核",
        PlanItemStatus.Approved => "已批准",
        PlanItemStatus.Returned => "已退回",
        _ => status.ToString(),
    };
}

/// <summary>One line of a department's annual purchase plan (购买计划), as submitted or resubmitted.</summary>
public sealed record PlanItemRequest(
    string? CatalogueCode,
    string? Name,
    string? Content,
    decimal Budget,
    PurchaseMethod? Method,
    string? MethodJustification,
    IReadOnlyList<string>? PerformanceTargets,
    string? Region);

/// <summary>Finance's decision on a plan item; a reason is required when returning it.</summary>
public sealed record PlanReviewRequest(string? Reason);

/// <summary>The department's budget line (预算额度) for the year, set by finance.</summary>
public sealed record BudgetLineRequest(decimal Amount);

public sealed record PlanItemReviewDto(PlanItemStatus Outcome, string OutcomeLabel, string? Reason, string By, DateTime At);

public sealed record PlanItemDto(
    string Id,
    string CatalogueCode,
    string Name,
    string Content,
    decimal Budget,
    PurchaseMethod Method,
    string MethodLabel,
    string? MethodJustification,
    IReadOnlyList<string> PerformanceTargets,
    string Region,
    PlanItemStatus Status,
    string StatusLabel,
    string? ReturnReason,
    string? ProjectId,
    DateTime SubmittedAt,
    IReadOnlyList<PlanItemReviewDto> Reviews);

/// <summary>A department's plan for one year with its budget line and how much of it is planned and approved.</summary>
public sealed record PurchasePlanDto(
    string Id,
    string Department,
    int Year,
    decimal BudgetLine,
    decimal PlannedBudget,
    decimal ApprovedBudget,
    IReadOnlyList<PlanItemDto> Items);

public sealed record ReturnedPlanItemDto(string Department, string ItemId, string Name, string? Reason, DateTime? ReturnedAt);

/// <summary>"我们局今年的购买计划审核到哪了": counts by status and what was returned and why, with a ready Chinese sentence.</summary>
public sealed record PlanSummaryDto(
    int Year,
    string? Department,
    decimal BudgetLine,
    int Total,
    int Submitted,
    int Approved,
    int Returned,
    decimal PlannedBudget,
    decimal ApprovedBudget,
    IReadOnlyList<ReturnedPlanItemDto> ReturnedItems,
    string Text);

/// <summary>Finance maintains the catalogue (动态调整): a new item, or a new version of one, effective from a date.</summary>
public sealed record CatalogueItemRequest(
    string? Code,
    string? Category,
    string? Subcategory,
    string? Name,
    string? Description,
    IReadOnlyList<string>? Keywords,
    IReadOnlyList<string>? RatingDimensions,
    DateTime? EffectiveFrom,
    string? Reason);

public sealed record CatalogueRetireRequest(DateTime? EffectiveDate, string? Reason);

public sealed record CatalogueVersionDto(string Id, string Code, string Name, string Category, string Subcategory, DateTime EffectiveFrom, DateTime? RetiredOn);

/// <summary>项目库 row: budget versus contract versus paid, flagged where the actual exceeds the plan.</summary>
public sealed record LibraryRowDto(
    string ProjectId,
    string Name,
    string Department,
    string Region,
    int Year,
    string? PlanItemId,
    bool PlanApproved,
    ProjectStatus Status,
    string StatusLabel,
    PurchaseMethod Method,
    string MethodLabel,
    decimal Budget,
    decimal? ContractAmount,
    decimal PaidSoFar,
    decimal Remaining,
    bool ContractOverBudget,
    bool PaymentsOverBudget,
    bool PaymentsOverContract);

public sealed record LibraryDto(
    int Year,
    string? Department,
    IReadOnlyList<LibraryRowDto> Rows,
    decimal TotalBudget,
    decimal TotalContract,
    decimal TotalPaid,
    int FlaggedCount);

public sealed record CountDto(string Key, string Label, int Count);

/// <summary>One line of the year-end statistics table (one department, or the total).</summary>
public sealed record YearEndRowDto(
    string Department,
    int Projects,
    int Contracted,
    decimal Budget,
    decimal ContractAmount,
    decimal Paid,
    IReadOnlyList<CountDto> Methods,
    IReadOnlyList<CountDto> ProvidersByKind,
    decimal? AverageSatisfaction,
    int RatingCount,
    IReadOnlyList<CountDto> Grades);

public sealed record YearEndReportDto(int Year, string Scope, IReadOnlyList<YearEndRowDto> Departments, YearEndRowDto Total);
