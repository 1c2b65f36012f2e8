using Assistant.Contracts.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Assistant.Knowledge.Search;

/// <summary>One ranked passage: <see cref="Coverage"/> is the rarity-weighted share of the question's terms the passage
/// (or its section heading) contains, directly or as a paraphrase; <see cref="Score"/> blends it with BM25.
/// <see cref="NamesWhatIsAsked"/> is false when the question asks for something ("哪些材料") the passage never names.</summary>
public sealed record RankedPassage(IndexedPassage Passage, double Score, double Coverage, float Bm25, bool NamesWhatIsAsked = true);

/// <summary>
/// Retrieval and ranking. BM25 over segmented words, character bigrams and section headings finds candidates;
/// they are re-ranked by how much of the question they actually cover, which favours the passage that answers
/// over one that merely repeats common words (政府, 购买, 服务) many times.
/// </summary>
internal sealed class PolicySearcher(PolicyIndex index, Synonyms? synonyms = null)
{
    private const int Candidates = 30;
    private const int LargeCorpus = 1000;
    private readonly Synonyms _synonyms = synonyms ?? Synonyms.Default;

    // Calibrated with the question set (bench --explain sweep): 0.6–0.75 give the best top-1; 0.7 separates best.
    internal static float CoverageWeight = 0.7f;
    // Both from the question set (ADR 0005, 2026-11-25): top-1 on the five documents went from 90.5 % to 96.8 %.
    internal static double FocusPenalty = 0.15;
    internal static double HeadingBonus = 0.1;

    public IReadOnlyList<RankedPassage> Search(string question, int top, string? extraTerms = null)
    {
        var simplified = ChineseScript.ToSimplified(question.Trim());
        var terms = ChineseAnalysis.Terms(index.WordAnalyzer, PolicyIndex.Words, simplified).Distinct().ToList();
        var extras = extraTerms is null ? [] : ChineseAnalysis.Terms(index.WordAnalyzer, PolicyIndex.Words, extraTerms).Distinct().Except(terms).ToList();
        if (terms.Count == 0 && extras.Count == 0) return [];

        var bigrams = ChineseAnalysis.Terms(index.BigramAnalyzer, PolicyIndex.Bigrams, simplified).Distinct().ToList();
        var expansions = _synonyms.Expand(simplified)
            .SelectMany(w => ChineseAnalysis.Terms(index.WordAnalyzer, PolicyIndex.Words, w))
            .Concat(extras).Distinct().Except(terms).ToList();

        return index.Read(searcher =>
        {
            var reader = searcher.IndexReader;
            var query = new BooleanQuery();
            void Add(string field, string term, float boost)
            {
                var t = new Term(field, term);
                var context = index.TermContext(searcher, t);
                // On a large corpus a term in a quarter of all passages (政府, 购买, 服务) hardly ranks but costs most of
                // the scoring time: it is left out of the query and still counts in the coverage re-ranking.
                if (reader.NumDocs >= LargeCorpus && context.DocFreq > reader.NumDocs / 4) return;
                query.Add(new TermQuery(t, context) { Boost = boost }, Occur.SHOULD);
            }
            foreach (var term in terms)
            {
                Add(PolicyIndex.Words, term, 1f);
                Add(PolicyIndex.SectionWords, term, 1.5f);
                Add(PolicyIndex.TitleWords, term, 0.3f);
            }
            foreach (var bigram in bigrams) Add(PolicyIndex.Bigrams, bigram, 0.4f);
            foreach (var term in expansions)
            {
                Add(PolicyIndex.Words, term, 0.5f);
                Add(PolicyIndex.SectionWords, term, 0.6f);
            }
            if (query.Clauses.Count == 0) return (IReadOnlyList<RankedPassage>)[];
            // An in-order collector: for a query of only SHOULD clauses Lucene otherwise picks BooleanScorer, which
            // allocates a 2,048-bucket table per search and segment (the largest allocation under load, gc trace).
            var collector = TopScoreDocCollector.Create(Candidates, docsScoredInOrder: true);
            searcher.Search(query, collector);
            var hits = collector.GetTopDocs().ScoreDocs;
            if (hits.Length == 0) return (IReadOnlyList<RankedPassage>)[];
            var weights = Weights(searcher, terms.Count > 0 ? terms : extras);
            var maxBm25 = hits.Max(h => h.Score);
            var focus = Focus(simplified);
            return hits
                .Select(h =>
                {
                    var passage = index.Passage(searcher, h.Doc);
                    var text = Searchable(passage);
                    var coverage = Coverage(text, weights);
                    var score = CoverageWeight * coverage + (1 - CoverageWeight) * h.Score / maxBm25;
                    // A passage that never names what is asked for ("购买方式有哪些" → 方式) ranks below one that does.
                    var names = focus is null || Mentions(text, focus);
                    if (!names) score = Math.Max(0, score - FocusPenalty);
                    // A heading that repeats four or more characters of the question in a row ("3．选择购买方式" for
                    // "购买方式有哪些") names the passage's subject, which the word-level scores above do not see.
                    if (SharedRun(simplified, LastHeading(passage.Section)) >= 4) score += HeadingBonus;
                    return new RankedPassage(passage, Math.Round(score, 4), Math.Round(coverage, 4), h.Score, names);
                })
                .OrderByDescending(r => r.Score)
                .Take(top)
                .ToList();
        });
    }

    private string? Focus(string simplified) =>
        Answering.QuestionFocus.Find(simplified, text => ChineseAnalysis.Terms(index.WordAnalyzer, PolicyIndex.Words, text));

    /// <summary>Whether the passage text names the asked-for word (<see cref="Answering.QuestionFocus"/>) or a synonym of it.</summary>
    private bool Mentions(string text, string focus) =>
        _synonyms.Alternatives(focus).Any(a => text.Contains(a, StringComparison.Ordinal));

    /// <summary>What coverage and the asked-for check look in: the passage with its section, document title and issuer.</summary>
    private static string Searchable(IndexedPassage passage) =>
        ChineseScript.ToSimplified(passage.Title + "\n" + passage.IssuingBody + "\n" + passage.Section + "\n" + passage.Text);

    private static string LastHeading(string section) => ChineseScript.ToSimplified(section[(section.LastIndexOf('›') + 1)..]);

    /// <summary>Length of the longest run of characters the question and the heading share.</summary>
    private static int SharedRun(string question, string heading)
    {
        var best = 0;
        for (var i = 0; i < question.Length; i++)
            for (var j = 0; j < heading.Length; j++)
            {
                var k = 0;
                while (i + k < question.Length && j + k < heading.Length && question[i + k] == heading[j + k]) k++;
                best = Math.Max(best, k);
            }
        return best;
    }

    /// <summary>BM25's idf per question term; a term the corpus never uses weighs most (the question is about something else).</summary>
    private List<(string[] Alternatives, double Weight)> Weights(IndexSearcher searcher, List<string> terms)
    {
        var n = Math.Max(searcher.IndexReader.NumDocs, 1);
        return terms.Select(t =>
        {
            var df = index.TermContext(searcher, new Term(PolicyIndex.Words, t)).DocFreq;
            return (_synonyms.Alternatives(t), Math.Log(1 + (n - df + 0.5) / (df + 0.5)));
        }).ToList();
    }

    private static double Coverage(string text, List<(string[] Alternatives, double Weight)> weights)
    {
        double covered = 0, total = 0;
        foreach (var (alternatives, weight) in weights)
        {
            total += weight;
            foreach (var alternative in alternatives)
                if (text.Contains(alternative, StringComparison.Ordinal)) { covered += weight; break; }
        }
        return total == 0 ? 0 : covered / total;
    }
}
