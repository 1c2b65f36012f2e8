using Assistant.Knowledge.Search;

namespace Assistant.Knowledge;

public sealed class PolicyKnowledgeOptions
{
    public const string Section = "PolicyKnowledge";

    /// <summary>Lucene index folder; defaults to &lt;Store:DataDir&gt;/policy-index. Derived data, rebuilt from the store.</summary>
    public string? IndexDirectory { get; set; }

    public ChineseSegmenter Segmenter { get; set; } = ChineseSegmenter.Jieba;

    /// <summary>
    /// Below this score the answer is not confident. Calibrated on the evaluation question set
    /// (tests/Assistant.Knowledge.Tests/questions.json, see ADR 0005): correct answers scored 0.64 and up, out-of-domain
    /// questions at most 0.45.
    /// </summary>
    public double ConfidenceThreshold { get; set; } = 0.55;

    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    public int MaxQuestionLength { get; set; } = 200;
}
