using Assistant.Contracts.Domain;

namespace Assistant.Contracts.Api;

public sealed record ProjectSummaryDto(
    string Id,
    string Name,
    string Department,
    string Region,
    string CatalogueCode,
    string Category,
    decimal Budget,
    PurchaseMethod Method,
    string MethodLabel,
    ProjectStatus Status,
    string StatusLabel,
    DateTime? BidDeadline);

public sealed record ProjectRequirementsDto(int MinYearsEstablished, IReadOnlyList<ProviderKind> ProviderKinds, IReadOnlyList<string> Qualifications, string Notes);

public sealed record StatusChangeDto(ProjectStatus From, ProjectStatus To, DateTime At, string? Reason);

/// <summary>Everything disclosed about a project (信息公开), plus where it stands and what comes next.</summary>
public sealed record ProjectDetailsDto(
    string Id,
    string Name,
    string Department,
    string Region,
    string CatalogueCode,
    string Category,
    int Year,
    string Content,
    string ServiceStandard,
    ProjectRequirementsDto Requirements,
    decimal Budget,
    PurchaseMethod Method,
    string MethodLabel,
    string? MethodJustification,
    IReadOnlyList<string> PerformanceTargets,
    ProjectStatus Status,
    string StatusLabel,
    string NextStep,
    string NextActor,
    DateTime? PublishedAt,
    DateTime? ClarificationDeadline,
    DateTime? BidDeadline,
    DateTime? AwardedAt,
    DateTime? ServiceStart,
    DateTime? ServiceEnd,
    IReadOnlyList<StatusChangeDto> History);

public sealed record CatalogueItemDto(
    string Code,
    string Category,
    string Subcategory,
    string Name,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> RatingDimensions,
    int Year);

public sealed record ExcludedMatterDto(string Code, string Name);
