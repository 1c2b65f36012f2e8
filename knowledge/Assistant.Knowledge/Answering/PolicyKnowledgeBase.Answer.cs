using Assistant.Contracts.Api;
using Assistant.Knowledge.Answering;
using Assistant.Knowledge.Catalogue;
using Assistant.Knowledge.Search;

namespace Assistant.Knowledge;

public sealed partial class PolicyKnowledgeBase
{
    /// <summary>
    /// Best passages first, cited. Below <see cref="PolicyKnowledgeOptions.ConfidenceThreshold"/>, or when the best
    /// passage never mentions what the question asks for, the answer is not confident: the passages are then only alternatives and the suggestions read as "您是不是想问…".
    /// </summary>
    public async Task<PolicyAnswerDto> AnswerAsync(string? question, int top = 3, CancellationToken ct = default)
    {
        question = question?.Trim() ?? "";
        if (question.Length == 0 || question.Length > _options.MaxQuestionLength) return new PolicyAnswerDto([], false, []);
        top = Math.Clamp(top, 1, 10);
        await EnsureIndexAsync(ct);
        RecheckInBackgroundWhenDue();

        var catalogueQuestion = CatalogueQuestion.Parse(question);
        if (catalogueQuestion.Kind != CatalogueQuestionKind.None)
            return await AnswerCatalogueAsync(question, catalogueQuestion, top, ct);

        var ranked = Search(question, top);
        var confident = IsConfident(ranked);
        return new PolicyAnswerDto(ranked.Select(ToDto).ToList(), confident,
            confident ? FollowUps.After(ranked, _outline) : FollowUps.Alternatives(ranked));
    }

    /// <summary>Ranked passages with their coverage, for evaluation and calibration.</summary>
    public IReadOnlyList<RankedPassage> Search(string question, int top = 3, string? extraTerms = null) =>
        _searcher.Search(question, top, extraTerms);

    // A high score is not enough when the passage never mentions what the question asks for ("哪些材料").
    private bool IsConfident(IReadOnlyList<RankedPassage> ranked) =>
        ranked.Count > 0 && ranked[0].Score >= _options.ConfidenceThreshold && ranked[0].NamesWhatIsAsked;

    private async Task<PolicyAnswerDto> AnswerCatalogueAsync(string question, CatalogueQuestion parsed, int top, CancellationToken ct)
    {
        var facts = await _catalogue.GetAsync(ct);
        var verdict = CatalogueVerdict.For(parsed, facts);
        if (verdict is null)
        {
            // Not in the catalogue data: answer from the documents alone, with the usual confidence rule.
            var plain = Search(question, top);
            var confident = IsConfident(plain);
            return new PolicyAnswerDto(plain.Select(ToDto).ToList(), confident,
                confident ? FollowUps.After(plain, _outline) : FollowUps.Alternatives(plain),
                $"{facts.Source}的目录中没有找到“{parsed.Subject}”，能否购买请以本级财政部门公布的指导目录为准，或联系财政部门确认。");
        }
        // The verdict comes from the catalogue; the citation from the passages that state the rule.
        var ranked = Search(question, top, verdict.SearchTerms);
        return new PolicyAnswerDto(ranked.Select(ToDto).ToList(), ranked.Count > 0,
            FollowUps.After(ranked, _outline), verdict.Summary);
    }

    private static PolicyPassageDto ToDto(RankedPassage r) => new(
        r.Passage.Text, r.Passage.Title, r.Passage.DocNumber, r.Passage.Section, r.Score, r.Passage.IssuingBody, r.Passage.IssuedOn);
}
