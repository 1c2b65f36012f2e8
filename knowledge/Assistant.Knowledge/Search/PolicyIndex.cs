using Assistant.Contracts.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Assistant.Knowledge.Search;

/// <summary>A passage as indexed: the original text is stored for quoting, the Simplified form is what is searched.</summary>
public sealed record IndexedPassage(
    string Id, string DocumentId, int Ordinal, string Section, string Text,
    string Title, string? DocNumber, string? IssuingBody, string? IssuedOn);

public sealed record SearchHit(IndexedPassage Passage, float Score);

/// <summary>
/// The Lucene index over all passages. Derived data: the knowledge base rebuilds it from the store when the
/// fingerprint it was built for (kept in the commit's user data) differs from the store's.
/// </summary>
public sealed class PolicyIndex : IDisposable
{
    internal const string Words = "words", Bigrams = "bigrams", SectionWords = "section", TitleWords = "titleWords";
    private const string FingerprintKey = "corpus-fingerprint";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly object _writeLock = new();
    private readonly Action _committed;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IndexedPassage> _passages = new();
    private const int MaxSegments = 3;

    /// <param name="committed">Runs after every commit, under the write lock (the knowledge base copies the index to disk).</param>
    public PolicyIndex(LuceneDirectory directory, ChineseSegmenter segmenter, Action? committed = null)
    {
        _directory = directory;
        _committed = committed ?? (() => { });
        Segmenter = segmenter;
        WordAnalyzer = ChineseAnalysis.Words(segmenter);
        BigramAnalyzer = ChineseAnalysis.Bigrams();
        var perField = new PerFieldAnalyzerWrapper(WordAnalyzer, new Dictionary<string, Analyzer> { [Bigrams] = BigramAnalyzer });
        var config = new IndexWriterConfig(ChineseAnalysis.Version, perField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            // No compound files: reading a term through a compound-file slice copies it into a fresh buffer per input
            // clone (about 140 KB of byte[] per question under load, gc trace); plain files in memory are read in place.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0.0 },
        };
        _writer = new IndexWriter(directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SimilarityFactory());
    }

    public ChineseSegmenter Segmenter { get; }
    internal Analyzer WordAnalyzer { get; }
    internal Analyzer BigramAnalyzer { get; }

    /// <summary>The fingerprint of the corpus this index was last committed for, or null for a new/empty index.</summary>
    public string? Fingerprint =>
        DirectoryReader.IndexExists(_directory)
            ? DirectoryReader.ListCommits(_directory).Last().UserData.TryGetValue(FingerprintKey, out var f) ? f : null
            : null;

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { _searchers.Release(searcher); }
        }
    }

    public void Rebuild(IEnumerable<IndexedPassage> passages, string fingerprint)
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            _passages.Clear();
            foreach (var passage in passages) _writer.AddDocument(ToLucene(passage));
            CommitLocked(fingerprint);
        }
    }

    /// <summary>Replaces one document's passages; commits (visible to search) only when a fingerprint is given.</summary>
    public void ReplaceDocument(string documentId, IEnumerable<IndexedPassage> passages, string? fingerprint)
    {
        lock (_writeLock)
        {
            _writer.DeleteDocuments(new Term("docId", documentId));
            foreach (var key in _passages.Keys.Where(k => k.StartsWith(documentId + "-", StringComparison.Ordinal))) _passages.TryRemove(key, out _);
            foreach (var passage in passages) _writer.AddDocument(ToLucene(passage));
            if (fingerprint is not null) CommitLocked(fingerprint);
        }
    }

    private (IndexReader? Reader, System.Collections.Concurrent.ConcurrentDictionary<Term, TermContext> Contexts) _termContexts = (null, new());

    /// <summary>
    /// A term's per-segment state and statistics for the current reader. Building it walks the term dictionary and
    /// was the largest allocation of a question (about 60 clauses each); the vocabulary of questions repeats, and a
    /// reader never changes, so the contexts are kept until the next commit opens a new reader.
    /// </summary>
    internal TermContext TermContext(IndexSearcher searcher, Term term)
    {
        var cache = _termContexts;
        if (!ReferenceEquals(cache.Reader, searcher.IndexReader))
            _termContexts = cache = (searcher.IndexReader, new());
        if (cache.Contexts.Count > 100_000) cache.Contexts.Clear();
        return cache.Contexts.GetOrAdd(term, t => Lucene.Net.Index.TermContext.Build(searcher.TopReaderContext, t));
    }

    internal T Read<T>(Func<IndexSearcher, T> read)
    {
        var searcher = _searchers.Acquire();
        try { return read(searcher); }
        finally { _searchers.Release(searcher); }
    }

    internal static IndexedPassage FromLucene(Document d) => new(
        d.Get("id"), d.Get("docId"), int.Parse(d.Get("ordinal")), d.Get("sectionText"), d.Get("text"),
        d.Get("title"), d.Get("docNumber"), d.Get("issuingBody"), d.Get("issuedOn"));

    public void Commit(string fingerprint)
    {
        lock (_writeLock) CommitLocked(fingerprint);
    }

    private void CommitLocked(string fingerprint)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [FingerprintKey] = fingerprint });
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
        _committed();
        // Each ingest (and each flush of a bulk load) adds a segment, and a query pays per segment (term lookups for
        // every clause; 5 segments cost 3.5x one): merge down once there are a few.
        if (Read(s => s.IndexReader.Leaves.Count) < MaxSegments) return;
        _writer.ForceMerge(1);
        _writer.Commit();
        _searchers.MaybeRefreshBlocking();
        _committed();
    }

    /// <summary>
    /// The passages of the hits. Loading stored fields decompresses whole blocks and was the largest cost of a
    /// question, so passages are cached by id (read from doc values) and loaded from the index once.
    /// </summary>
    internal IndexedPassage Passage(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var ids = leaf.AtomicReader.GetBinaryDocValues("idValue");
        if (ids is null) return FromLucene(searcher.Doc(doc));
        var bytes = new Lucene.Net.Util.BytesRef();
        ids.Get(doc - leaf.DocBase, bytes);
        var id = bytes.Utf8ToString();
        return _passages.TryGetValue(id, out var cached) ? cached : _passages[id] = FromLucene(searcher.Doc(doc));
    }

    private static Document ToLucene(IndexedPassage p)
    {
        var searchable = ChineseScript.ToSimplified(p.Text);
        var section = ChineseScript.ToSimplified(p.Section);
        var document = new Document
        {
            new StringField("id", p.Id, Field.Store.YES),
            new BinaryDocValuesField("idValue", new Lucene.Net.Util.BytesRef(p.Id)),
            new StringField("docId", p.DocumentId, Field.Store.YES),
            new StoredField("ordinal", p.Ordinal.ToString()),
            new StoredField("text", p.Text),
            new StoredField("sectionText", p.Section),
            new StoredField("title", p.Title),
            // Searched text is Simplified, so Traditional documents and questions meet in the middle.
            new TextField(Words, searchable, Field.Store.NO),
            new TextField(Bigrams, searchable, Field.Store.NO),
            new TextField(SectionWords, section, Field.Store.NO),
            // Questions often name the place or the document ("安阳市…", "江北区…") that only the title carries.
            new TextField(TitleWords, ChineseScript.ToSimplified(p.Title + " " + p.IssuingBody), Field.Store.NO),
        };
        if (p.DocNumber is not null) document.Add(new StoredField("docNumber", p.DocNumber));
        if (p.IssuingBody is not null) document.Add(new StoredField("issuingBody", p.IssuingBody));
        if (p.IssuedOn is not null) document.Add(new StoredField("issuedOn", p.IssuedOn));
        return document;
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    private sealed class SimilarityFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
