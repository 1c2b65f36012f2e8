using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Projects;

/// <summary>项目: one purchase of a service, from draft to closed. Its Id is the project code (e.g. SY-2025-001).</summary>
public sealed class Project : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string Name { get; set; }
    /// <summary>The purchaser department (购买主体), e.g. 上虞区民政局; its staff manage the project.</summary>
    public required string Department { get; set; }
    public required string Region { get; set; }
    /// <summary>Catalogue item code the project buys under.</summary>
    public required string CatalogueCode { get; set; }
    public required string Category { get; set; }
    public int Year { get; set; }
    public string Content { get; set; } = "";
    public string ServiceStandard { get; set; } = "";
    public ProjectRequirements Requirements { get; set; } = new();
    public decimal Budget { get; set; }
    public PurchaseMethod Method { get; set; }
    /// <summary>Why a non-default method was chosen (required for 单一来源 and below-threshold deviations).</summary>
    public string? MethodJustification { get; set; }
    public List<string> PerformanceTargets { get; set; } = [];
    public ProjectStatus Status { get; set; }
    public string? PlanItemId { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? ClarificationDeadline { get; set; }
    public DateTime? BidDeadline { get; set; }
    public DateTime? AwardedAt { get; set; }
    public string? AwardedOrganisationId { get; set; }
    public string? ContractId { get; set; }
    public DateTime? ServiceStart { get; set; }
    public DateTime? ServiceEnd { get; set; }
    public DateTime? EvaluationDue { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Name and content in Simplified script, so Traditional queries match (ChineseScript).</summary>
    public string SearchText { get; set; } = "";
    public List<StatusChange> History { get; set; } = [];
}

public sealed class ProjectRequirements
{
    public int MinYearsEstablished { get; set; }
    public List<ProviderKind> ProviderKinds { get; set; } = [];
    public List<string> Qualifications { get; set; } = [];
    public string Notes { get; set; } = "";
}

public sealed class StatusChange
{
    public ProjectStatus From { get; set; }
    public ProjectStatus To { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = "";
    public string? Reason { get; set; }
}
