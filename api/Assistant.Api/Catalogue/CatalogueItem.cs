using Assistant.Platform.Storage;

namespace Assistant.Api.Catalogue;

/// <summary>
/// 指导目录 entry. The catalogue is versioned per year (动态调整): an item is in force for a year when
/// <see cref="EffectiveFrom"/> ≤ that year's end and it was not retired before the year began.
/// </summary>
public sealed class CatalogueItem : IDocument
{
    /// <summary>Stable item code plus the version year, e.g. "A0101@2025".</summary>
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string Code { get; init; }
    /// <summary>一级目录: 基本公共服务, 社会管理性服务, 行业管理与协调, 技术性服务, 政府履职辅助性事项.</summary>
    public required string Category { get; set; }
    /// <summary>二级目录, e.g. 养老服务.</summary>
    public required string Subcategory { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public List<string> Keywords { get; set; } = [];
    /// <summary>Rating dimension questions recipients are asked for this kind of service.</summary>
    public List<string> RatingDimensions { get; set; } = [];
    public DateTime EffectiveFrom { get; set; }
    public DateTime? RetiredOn { get; set; }
    public int Year { get; set; }

    public bool InForce(DateTime at) => EffectiveFrom <= at && (RetiredOn is null || RetiredOn > at);
}
