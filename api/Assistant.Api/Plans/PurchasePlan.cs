using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Plans;

/// <summary>购买计划: a department's plan for one year, reviewed item by item by finance. Id = "{department}|{year}".</summary>
public sealed class PurchasePlan : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string Department { get; init; }
    public int Year { get; init; }
    /// <summary>预算额度 set by finance; items still in play (submitted or approved) must fit within it.</summary>
    public decimal BudgetLine { get; set; }
    public List<PlanItem> Items { get; set; } = [];

    public static string IdFor(string department, int year) => $"{department}|{year}";

    /// <summary>Budget of the items still in play (returned items count again once resubmitted).</summary>
    public decimal PlannedBudget(string? exceptItemId = null) =>
        Items.Where(i => i.Status != PlanItemStatus.Returned && i.Id != exceptItemId).Sum(i => i.Budget);

    public decimal ApprovedBudget() => Items.Where(i => i.Status == PlanItemStatus.Approved).Sum(i => i.Budget);

    public PlanItem? Item(string itemId) => Items.FirstOrDefault(i => string.Equals(i.Id, itemId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Item ids are "{year}-{n}", readable in chat ("2026-03") and stable across resubmissions.</summary>
    public string NextItemId() => $"{Year}-{Items.Count + 1:D2}";
}

public sealed class PlanItem
{
    public required string Id { get; init; }
    public required string CatalogueCode { get; set; }
    public required string Name { get; set; }
    public string Content { get; set; } = "";
    public decimal Budget { get; set; }
    public PurchaseMethod Method { get; set; }
    public string? MethodJustification { get; set; }
    public List<string> PerformanceTargets { get; set; } = [];
    public string Region { get; set; } = "";
    public PlanItemStatus Status { get; set; }
    public string? ReturnReason { get; set; }
    public string? ProjectId { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTime SubmittedAt { get; set; }
    /// <summary>Every submission, resubmission and decision, oldest first.</summary>
    public List<PlanItemReview> Reviews { get; set; } = [];
}

public sealed class PlanItemReview
{
    public PlanItemStatus Outcome { get; set; }
    public string? Reason { get; set; }
    public string By { get; set; } = "";
    public DateTime At { get; set; }
}
