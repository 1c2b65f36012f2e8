using Assistant.Contracts.Api;
using Assistant.Knowledge.Catalogue;
using Assistant.Knowledge.Search;
using Assistant.Knowledge.Storage;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Knowledge.Tests;

/// <summary>A knowledge base on a fresh embedded store and index folder, with the five real policy documents ingested.</summary>
public sealed class KnowledgeFixture : IAsyncLifetime
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "knowledge-tests-" + Guid.NewGuid().ToString("N"));
    public LogStore Store { get; private set; } = null!;
    public PolicyKnowledgeBase Knowledge { get; private set; } = null!;
    public List<PolicyIngestResultDto> Ingested { get; } = [];

    public async Task InitializeAsync()
    {
        (Store, Knowledge) = Open(DataDir);
        foreach (var file in System.IO.Directory.GetFiles(PolicyCorpus.Directory).Order())
        {
            await using var stream = File.OpenRead(file);
            Ingested.Add(await Knowledge.IngestAsync(Path.GetFileName(file), stream));
        }
    }

    public static (LogStore Store, PolicyKnowledgeBase Knowledge) Open(string dataDir, ChineseSegmenter segmenter = ChineseSegmenter.Jieba)
    {
        var schema = new StoreSchema();
        PolicyStore.Declare(schema);
        var store = new LogStore(dataDir, "assistant.db", schema);
        store.ApplySchema();
        var options = Options.Create(new PolicyKnowledgeOptions
        {
            IndexDirectory = Path.Combine(dataDir, "policy-index-" + segmenter),
            Segmenter = segmenter,
        });
        return (store, new PolicyKnowledgeBase(store, new PolicyCatalogueFacts(), options));
    }

    public Task DisposeAsync()
    {
        Knowledge.Dispose();
        Store.Dispose();
        try { System.IO.Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
