using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Assistant.Knowledge.Search;

/// <summary>Which word segmenter feeds the index (ADR 0005 compares them).</summary>
public enum ChineseSegmenter { Jieba, SmartCn }

/// <summary>Analyzers over text already normalised to Simplified (ChineseScript.ToSimplified) by the caller.</summary>
internal static class ChineseAnalysis
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Lazy<CharArraySet> Stopwords = new(() =>
        new CharArraySet(Version, KnowledgeData.Lines("stopwords.txt"), ignoreCase: true));

    private static readonly Lazy<bool> JiebaReady = new(() =>
    {
        // Domain terms jieba would otherwise cut (负面清单, 承接主体 …) are added once per process.
        var segmenter = new JiebaSegmenter();
        foreach (var word in KnowledgeData.Lines("userwords.txt")) segmenter.AddWord(word);
        return true;
    });

    public static Analyzer Words(ChineseSegmenter segmenter) => segmenter switch
    {
        ChineseSegmenter.SmartCn => new SmartChineseAnalyzer(Version, Stopwords.Value),
        _ => JiebaReady.Value ? new JiebaAnalyzer(Stopwords.Value) : throw new InvalidOperationException(),
    };

    /// <summary>Overlapping character bigrams: recall for words either segmenter cuts differently in question and text.</summary>
    public static Analyzer Bigrams() => new CJKAnalyzer(Version, CharArraySet.Empty);

    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}

internal sealed class JiebaAnalyzer(CharArraySet stopwords) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new JiebaTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(ChineseAnalysis.Version, tokenizer);
        stream = new StopFilter(ChineseAnalysis.Version, stream, stopwords);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>jieba.NET has no Lucene 4.8 tokenizer: this one segments the whole field in search mode (long words and their parts).</summary>
internal sealed class JiebaTokenizer : Tokenizer
{
    private readonly JiebaSegmenter _segmenter = new();
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private List<JiebaNet.Segmenter.Token>? _tokens;
    private int _next;
    private int _length;

    public JiebaTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_tokens is null)
        {
            var text = m_input.ReadToEnd();
            _length = text.Length;
            _tokens = _segmenter.Tokenize(text, TokenizerMode.Search).ToList();
        }
        while (_next < _tokens.Count)
        {
            var token = _tokens[_next++];
            if (!token.Word.Any(char.IsLetterOrDigit)) continue;
            _term.SetEmpty().Append(token.Word);
            _offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
            return true;
        }
        return false;
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(CorrectOffset(_length), CorrectOffset(_length));
    }

    public override void Reset()
    {
        base.Reset();
        _tokens = null;
        _next = 0;
    }
}
