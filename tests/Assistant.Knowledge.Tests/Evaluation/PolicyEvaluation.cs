using System.Text;
using System.Text.Json;
using Assistant.Contracts.Api;
using Assistant.Contracts.Text;

namespace Assistant.Knowledge.Tests.Evaluation;

/// <summary>An expected passage: from the document whose file name starts with <see cref="Document"/>, containing <see cref="Contains"/> (compared in Simplified).</summary>
public sealed record ExpectedPassage(string Document, string Contains);

/// <summary>
/// One question of the set. Kinds "out-of-domain" (天气) and "not-in-documents" (a procurement question the five
/// policies do not answer, such as bid materials) have no expected passage: they must come out not confident.
/// </summary>
public sealed record EvaluationQuestion(string Question, string Kind, List<ExpectedPassage> Accept)
{
    public bool OutOfDomain => Kind is "out-of-domain" or "not-in-documents";
}

public sealed record EvaluationOutcome(EvaluationQuestion Question, int Rank, bool Confident, double TopScore, string? TopText)
{
    /// <summary>Out-of-domain: right when not confident. Otherwise: an expected passage ranked first / in the top 3.</summary>
    public bool Top1 => Question.OutOfDomain ? !Confident : Rank == 1;
    public bool Top3 => Question.OutOfDomain ? !Confident : Rank is >= 1 and <= 3;
}

public sealed record EvaluationReport(IReadOnlyList<EvaluationOutcome> Outcomes, TimeSpan Elapsed)
{
    public double Top1 => Outcomes.Count(o => o.Top1) / (double)Outcomes.Count;
    public double Top3 => Outcomes.Count(o => o.Top3) / (double)Outcomes.Count;
    public IEnumerable<EvaluationOutcome> InDomain => Outcomes.Where(o => !o.Question.OutOfDomain);
    public IEnumerable<EvaluationOutcome> OutOfDomain => Outcomes.Where(o => o.Question.OutOfDomain);
    /// <summary>In-domain questions answered confidently with the right passage first.</summary>
    public double ConfidentCorrect => InDomain.Count(o => o.Confident && o.Rank == 1) / (double)Math.Max(1, InDomain.Count());

    public string Format(bool details = true)
    {
        var b = new StringBuilder();
        b.AppendLine($"questions {Outcomes.Count} (in-domain {InDomain.Count()}, out-of-domain {OutOfDomain.Count()})");
        b.AppendLine($"top-1 {Top1:P1}  top-3 {Top3:P1}  confident&correct (in-domain) {ConfidentCorrect:P1}  time {Elapsed.TotalMilliseconds:F0} ms");
        foreach (var kind in Outcomes.GroupBy(o => o.Question.Kind))
            b.AppendLine($"  {kind.Key,-14} n={kind.Count(),2}  top-1 {kind.Count(o => o.Top1) / (double)kind.Count():P0}  top-3 {kind.Count(o => o.Top3) / (double)kind.Count():P0}");
        var inScores = InDomain.Where(o => o.Rank == 1).Select(o => o.TopScore).Order().ToList();
        var outScores = OutOfDomain.Select(o => o.TopScore).Order().ToList();
        b.AppendLine($"  score of correct top-1 answers: min {inScores.FirstOrDefault():F3}, p10 {Percentile(inScores, 0.1):F3}, median {Percentile(inScores, 0.5):F3}");
        b.AppendLine($"  score of out-of-domain top answers: max {outScores.LastOrDefault():F3}");
        if (details)
            foreach (var o in Outcomes.Where(o => !o.Top1 || (!o.Question.OutOfDomain && !o.Confident)))
                b.AppendLine($"  MISS rank={o.Rank} confident={o.Confident} score={o.TopScore:F3} [{o.Question.Kind}] {o.Question.Question} -> {Short(o.TopText)}");
        return b.ToString();
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Floor(p * (sorted.Count - 1))];
    private static string Short(string? text) => text is null ? "(none)" : text.Length > 40 ? text[..40] + "…" : text;
}

public static class PolicyEvaluation
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static List<EvaluationQuestion> Load(string path) =>
        JsonSerializer.Deserialize<List<EvaluationQuestion>>(File.ReadAllText(path), Json) ?? [];

    /// <param name="fileOfTitle">document title → ingested file name, from the ingest results.</param>
    public static async Task<EvaluationReport> RunAsync(PolicyKnowledgeBase knowledge, IEnumerable<EvaluationQuestion> questions,
        IReadOnlyDictionary<string, string> fileOfTitle)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = new List<EvaluationOutcome>();
        foreach (var question in questions)
        {
            var answer = await knowledge.AnswerAsync(question.Question, 3);
            var rank = 0;
            for (var i = 0; i < answer.Answers.Count && rank == 0; i++)
                if (Matches(answer.Answers[i], question.Accept, fileOfTitle)) rank = i + 1;
            outcomes.Add(new EvaluationOutcome(question, rank, answer.Confident,
                answer.Answers.FirstOrDefault()?.Score ?? 0, answer.Answers.FirstOrDefault()?.Text));
        }
        return new EvaluationReport(outcomes, started.Elapsed);
    }

    private static bool Matches(PolicyPassageDto passage, List<ExpectedPassage> accept, IReadOnlyDictionary<string, string> fileOfTitle)
    {
        if (!fileOfTitle.TryGetValue(passage.DocumentTitle, out var file)) return false;
        var text = ChineseScript.ToSimplified(passage.Text);
        return accept.Any(e => file.StartsWith(e.Document, StringComparison.OrdinalIgnoreCase)
            && text.Contains(ChineseScript.ToSimplified(e.Contains), StringComparison.Ordinal));
    }
}
