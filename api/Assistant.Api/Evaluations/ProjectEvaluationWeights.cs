using Assistant.Platform.Storage;

namespace Assistant.Api.Evaluations;

/// <summary>A project's 绩效评价 weights (Id = project id); projects without one use the configured defaults.</summary>
public sealed class ProjectEvaluationWeights : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public EvaluationWeights Weights { get; set; } = new();
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
