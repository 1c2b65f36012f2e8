namespace Assistant.Api.Plans;

/// <summary>
/// Purchase method thresholds per region (config "Procurement:Thresholds:{region}", with "Default" for the rest).
/// Regions set their own limits (采购限额标准), so they are configuration, not code.
/// </summary>
public sealed class ProcurementOptions
{
    public const string Section = "Procurement";
    public const string DefaultKey = "Default";

    public Dictionary<string, MethodThresholds> Thresholds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Project code prefix per region ("{prefix}-{year}-{seq}"); unknown regions use <see cref="FallbackPrefix"/>.</summary>
    public Dictionary<string, string> RegionPrefixes { get; set; } = new(StringComparer.Ordinal)
    {
        ["上虞区"] = "SY",
        ["江北区"] = "JB",
        ["安阳市"] = "AY",
        ["防城港市"] = "FCG",
        ["咸宁市"] = "XN",
    };

    public string FallbackPrefix { get; set; } = "GP";

    public MethodThresholds For(string? region) =>
        region is not null && Thresholds.TryGetValue(region, out var own) ? own
        : Thresholds.TryGetValue(DefaultKey, out var fallback) ? fallback
        : new MethodThresholds();

    public string PrefixFor(string region) => RegionPrefixes.TryGetValue(region, out var p) ? p : FallbackPrefix;
}

public sealed class MethodThresholds
{
    /// <summary>公开招标限额: above it the method must be 公开招标 unless the deviation is justified.</summary>
    public decimal TenderLimit { get; set; } = 1_000_000m;

    /// <summary>分散采购 is allowed only up to this amount.</summary>
    public decimal DecentralisedLimit { get; set; } = 200_000m;
}
