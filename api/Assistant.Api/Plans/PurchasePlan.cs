using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Plans;

public enum PlanItemStatus
{
    Submitted,
    Approved,
    Returned,
}

/// <summary>购买计划: a department's plan for one year, reviewed item by item by finance. Id = "{department}|{year}".</summary>
public sealed class PurchasePlan : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string Department { get; init; }
    public int Year { get; init; }
    public decimal BudgetLine { get; set; }
    public List<PlanItem> Items { get; set; } = [];
}

public sealed class PlanItem
{
    public required string Id { get; init; }
    public required string CatalogueCode { get; set; }
    public required string Name { get; set; }
    public decimal Budget { get; set; }
    public PurchaseMethod Method { get; set; }
    public string? MethodJustification { get; set; }
    public List<string> PerformanceTargets { get; set; } = [];
    public string Region { get; set; } = "";
    public PlanItemStatus Status { get; set; }
    public string? ReturnReason { get; set; }
    public string? ProjectId { get; set; }
    public List<PlanItemReview> Reviews { get; set; } = [];
}

public sealed class PlanItemReview
{
    public PlanItemStatus Outcome { get; set; }
    public string? Reason { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}
