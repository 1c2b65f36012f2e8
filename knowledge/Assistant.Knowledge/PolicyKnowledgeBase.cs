using System.Security.Cryptography;
using System.Text;
using Assistant.Contracts.Api;
using Assistant.Contracts.Text;
using Assistant.Knowledge.Answering;
using Assistant.Knowledge.Catalogue;
using Assistant.Knowledge.Ingest;
using Assistant.Knowledge.Search;
using Assistant.Knowledge.Storage;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Knowledge;

/// <summary>
/// The policy knowledge base: documents and passages live in the document store (the record); the Lucene index
/// under the data directory is derived from them and rebuilt when missing or built for another corpus.
/// </summary>
public sealed partial class PolicyKnowledgeBase : IDisposable
{
    // Bump when passage splitting or indexing changes, so existing indexes are rebuilt.
    private const string IndexFormat = "policy-index-v3";

    private readonly IDocumentStore _store;
    private readonly ICatalogueFacts _catalogue;
    private readonly PolicyKnowledgeOptions _options;
    private readonly ILogger _logger;
    private readonly MemoryMirroredIndex _mirror;
    private readonly PolicyIndex _index;
    private readonly PolicySearcher _searcher;
    private readonly SemaphoreSlim _writes = new(1, 1);
    private volatile bool _indexChecked;
    private long _checkedAt;
    private SectionOutline _outline = SectionOutline.Empty;

    public PolicyKnowledgeBase(IDocumentStore store, ICatalogueFacts catalogue, IOptions<PolicyKnowledgeOptions> options,
        ILogger<PolicyKnowledgeBase>? logger = null)
    {
        _store = store;
        _catalogue = catalogue;
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var path = _options.IndexDirectory ?? throw new InvalidOperationException("PolicyKnowledge:IndexDirectory is not set.");
        System.IO.Directory.CreateDirectory(path);
        _mirror = MemoryMirroredIndex.Open(path);
        _index = new PolicyIndex(_mirror.Memory, _options.Segmenter, committed: _mirror.Persist);
        _searcher = new PolicySearcher(_index);
    }

    public PolicyKnowledgeOptions Options => _options;

    public int IndexedPassages => _index.Count;

    /// <summary>Rebuilds the index from the store when it is missing or was built for a different corpus. Returns true if it rebuilt.</summary>
    public async Task<bool> EnsureIndexAsync(CancellationToken ct = default)
    {
        if (_indexChecked) return false;
        return await CheckIndexAsync(force: false, ct);
    }

    /// <summary>
    /// Another process (the bulk loader, another API instance on MongoDB) may have changed the store: at most every
    /// <see cref="PolicyKnowledgeOptions.RecheckInterval"/> the store's fingerprint is compared again, in the background
    /// so the question that notices does not wait for a rebuild.
    /// </summary>
    private void RecheckInBackgroundWhenDue()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _checkedAt);
        if (now - last < _options.RecheckInterval.TotalMilliseconds || Interlocked.CompareExchange(ref _checkedAt, now, last) != last) return;
        _ = Task.Run(async () =>
        {
            try { await CheckIndexAsync(force: true, CancellationToken.None); }
            catch (Exception e) { _logger.LogWarning(e, "Policy index re-check failed; will retry"); }
        });
    }

    private async Task<bool> CheckIndexAsync(bool force, CancellationToken ct)
    {
        await _writes.WaitAsync(ct);
        try
        {
            if (_indexChecked && !force) return false;
            var documents = await _store.Collection<PolicyDocument>().FindAsync(d => d.Id != "", ct: ct);
            var fingerprint = Fingerprint(documents);
            var rebuilt = false;
            if (_index.Fingerprint != fingerprint || (_index.Count == 0 && documents.Count > 0))
            {
                var passages = await _store.Collection<PolicyPassage>().FindAsync(p => p.Id != "", ct: ct);
                var byId = documents.ToDictionary(d => d.Id);
                _index.Rebuild(passages.Where(p => byId.ContainsKey(p.DocumentId)).Select(p => ToIndexed(p, byId[p.DocumentId])), fingerprint);
                _logger.LogInformation("Policy index rebuilt from the store: {Documents} documents, {Passages} passages", documents.Count, passages.Count);
                rebuilt = true;
            }
            if (rebuilt || !_indexChecked) _outline = await SectionOutline.LoadAsync(_store, ct);
            Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
            _indexChecked = true;
            return rebuilt;
        }
        finally { _writes.Release(); }
    }

    public async Task<PolicyIngestResultDto> IngestAsync(string fileName, Stream content, CancellationToken ct = default)
    {
        var (name, parsed, text, failure) = await ParseAsync(fileName, content, ct);
        if (parsed is null) return failure!;
        await EnsureIndexAsync(ct);
        await _writes.WaitAsync(ct);
        try
        {
            return await StoreAndIndexAsync(name, parsed, text!, commit: true, ct);
        }
        finally { _writes.Release(); }
    }

    /// <summary>
    /// Bulk loading (the CLI): like <see cref="IngestAsync"/> per file, but the index is committed once at the end
    /// instead of once per file. <paramref name="progress"/> gets each file's result as soon as it is done.
    /// </summary>
    public async Task<IReadOnlyList<PolicyIngestResultDto>> IngestManyAsync(
        IEnumerable<(string FileName, Func<Stream> Open)> files, Action<PolicyIngestResultDto>? progress = null, CancellationToken ct = default)
    {
        await EnsureIndexAsync(ct);
        var results = new List<PolicyIngestResultDto>();
        await _writes.WaitAsync(ct);
        try
        {
            foreach (var (fileName, open) in files)
            {
                PolicyIngestResultDto result;
                try
                {
                    await using var stream = open();
                    var (name, parsed, text, failure) = await ParseAsync(fileName, stream, ct);
                    result = parsed is null ? failure! : await StoreAndIndexAsync(name, parsed, text!, commit: false, ct);
                }
                catch (IOException e) { result = Failed(fileName, "无法读取文件：" + e.Message); }
                results.Add(result);
                progress?.Invoke(result);
            }
            var all = await _store.Collection<PolicyDocument>().FindAsync(d => d.Id != "", ct: ct);
            _index.Commit(Fingerprint(all));
            return results;
        }
        finally { _writes.Release(); }
    }

    /// <summary>The clean file name and the parsed policy with its cleaned text, or the failed result.</summary>
    private async Task<(string FileName, ParsedPolicy? Parsed, string? Text, PolicyIngestResultDto? Failure)> ParseAsync(string fileName, Stream content, CancellationToken ct)
    {
        fileName = Path.GetFileName(fileName ?? "");
        byte[] bytes;
        try
        {
            bytes = await ReadLimitedAsync(content, _options.MaxFileBytes, ct);
        }
        catch (InvalidDataException e) { return (fileName, null, null, Failed(fileName, e.Message)); }

        var read = PolicyTextReader.Read(fileName, bytes);
        if (read.Text is null) return (fileName, null, null, Failed(fileName, read.Error!));
        var lines = PolicyTextCleaner.Clean(read.Text);
        var parsed = PolicyParser.Parse(fileName, lines);
        if (parsed.Passages.Count == 0) return (fileName, null, null, Failed(fileName, "没有识别出正文段落：请确认文件是政策文件正文。"));
        return (fileName, parsed, string.Join('\n', lines), null);
    }

    private async Task<PolicyIngestResultDto> StoreAndIndexAsync(string fileName, ParsedPolicy parsed, string cleanText, bool commit, CancellationToken ct)
    {
        var id = DocumentId(parsed);
        var documents = _store.Collection<PolicyDocument>();
        var passages = _store.Collection<PolicyPassage>();
        var existing = await documents.GetAsync(id, ct);
        var oldPassages = await passages.FindAsync(p => p.DocumentId == id, ct: ct);

        var contentHash = Hash(cleanText);
        // The same text again (a repeated upload, the platform rules at each start): nothing to write or re-index. The
        // index already matches the store (EnsureIndexAsync), and every passage carries this text's hash.
        if (existing is not null && existing.ContentHash == contentHash && existing.FileName == fileName
            && oldPassages.Count == parsed.Passages.Count && oldPassages.All(p => p.Id.StartsWith($"{id}-{contentHash[..8]}-", StringComparison.Ordinal)))
            return new PolicyIngestResultDto(fileName, true, id, existing.Title, existing.DocNumber, existing.PassageCount, true, null);
        var document = new PolicyDocument
        {
            Id = id, FileName = fileName, Title = parsed.Title, DocNumber = parsed.DocNumber, IssuingBody = parsed.IssuingBody,
            IssuedOn = parsed.IssuedOn, ContentHash = contentHash, PassageCount = parsed.Passages.Count, IngestedAt = DateTime.UtcNow,
        };
        // New passages first (ids carry the content hash), then the old ones go: a crash in between leaves extra rows
        // that the next ingest of this document removes, never a document without passages.
        var fresh = parsed.Passages.Select(p => new PolicyPassage
        {
            Id = $"{id}-{contentHash[..8]}-{p.Ordinal:0000}", DocumentId = id, Ordinal = p.Ordinal, Section = p.Section, Text = p.Text,
        }).ToList();
        var freshIds = fresh.Select(p => p.Id).ToHashSet();
        await passages.InsertManyAsync(fresh.Where(p => oldPassages.All(o => o.Id != p.Id)).ToList(), ct);
        await documents.UpsertAsync(document, ct);
        foreach (var old in oldPassages.Where(o => !freshIds.Contains(o.Id)))
            await passages.DeleteAsync(old.Id, ct);

        if (commit)
        {
            var all = await documents.FindAsync(d => d.Id != "", ct: ct);
            _index.ReplaceDocument(id, fresh.Select(p => ToIndexed(p, document)), Fingerprint(all));
        }
        else _index.ReplaceDocument(id, fresh.Select(p => ToIndexed(p, document)), fingerprint: null);
        _outline = _outline.With(id, fresh);
        _logger.LogInformation("Ingested policy {Title} ({DocNumber}) from {File}: {Passages} passages", parsed.Title, parsed.DocNumber, fileName, fresh.Count);
        return new PolicyIngestResultDto(fileName, true, id, parsed.Title, parsed.DocNumber, fresh.Count, existing is not null, null);
    }

    private static PolicyIngestResultDto Failed(string fileName, string error) => new(fileName, false, null, null, null, 0, false, error);

    /// <summary>The same 文号 (or, without one, the same title) is the same document, whatever the file is called.</summary>
    private static string DocumentId(ParsedPolicy parsed)
    {
        var key = parsed.DocNumber is { } number ? "no:" + PolicyParser.NormaliseDocNumber(number) : "title:" + ChineseScript.ToSimplified(parsed.Title);
        return "pol-" + Hash(key)[..20];
    }

    private string Fingerprint(IEnumerable<PolicyDocument> documents) =>
        Hash(IndexFormat + "|" + _options.Segmenter + "|" + string.Join(";", documents.OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => $"{d.Id}:{d.ContentHash}:{d.PassageCount}")));

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static IndexedPassage ToIndexed(PolicyPassage p, PolicyDocument d) =>
        new(p.Id, d.Id, p.Ordinal, p.Section, p.Text, d.Title, d.DocNumber, d.IssuingBody, d.IssuedOn);

    private static async Task<byte[]> ReadLimitedAsync(Stream content, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) throw new InvalidDataException($"文件超过 {limit / 1024 / 1024} MB 上限。");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public void Dispose()
    {
        _index.Dispose();
        _mirror.Dispose();
        _writes.Dispose();
    }
}
