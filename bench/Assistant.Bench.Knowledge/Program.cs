using System.Diagnostics;
using System.Text;
using Assistant.Bench.Knowledge;
using Assistant.Contracts.Text;
using Assistant.Knowledge;
using Assistant.Knowledge.Catalogue;
using Assistant.Knowledge.Ingest;
using Assistant.Knowledge.Search;
using Assistant.Knowledge.Storage;
using Assistant.Knowledge.Tests.Evaluation;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Options;

// Usage: Assistant.Bench.Knowledge [--segmenters jieba,smartcn] [--large-docs 200] [--sections 50] [--queries 3000]
var segmenters = Arg("--segmenters", "jieba,smartcn").Split(',').Select(s => Enum.Parse<ChineseSegmenter>(s, ignoreCase: true)).ToList();
var largeDocs = int.Parse(Arg("--large-docs", "200"));
var sections = int.Parse(Arg("--sections", "50"));
var queries = int.Parse(Arg("--queries", "3000"));

var policies = PoliciesDirectory();
var questions = PolicyEvaluation.Load(Path.Combine(AppContext.BaseDirectory, "questions.json"));
if (Arg("--explain", "") is { Length: > 0 } explain)
{
    // Shows how one question is ranked on the five documents: terms, then per passage score, coverage and BM25.
    var dir = Path.Combine(Path.GetTempPath(), $"knowledge-explain-{Guid.NewGuid():N}");
    var (s, kb) = Open(dir, segmenters[0]);
    foreach (var file in Directory.GetFiles(policies).Order())
    {
        await using var stream = File.OpenRead(file);
        await kb.IngestAsync(Path.GetFileName(file), stream);
    }
    if (explain == "sweep")
    {
        // Calibration aid: accuracy per coverage weight in the re-ranking blend.
        var titles = (await s.Collection<PolicyDocument>().FindAsync(d => d.Id != "")).ToDictionary(d => d.Title, d => d.FileName);
        foreach (var w in new[] { 0.5f, 0.6f, 0.65f, 0.7f, 0.75f, 0.8f, 0.85f, 0.9f, 1f })
        {
            PolicySearcher.CoverageWeight = w;
            Console.Write($"coverage weight {w}: " + (await PolicyEvaluation.RunAsync(kb, questions, titles)).Format(details: false));
        }
        return;
    }
    if (explain == "profile")
    {
        // Where a question's time goes (process CPU per call, 3000 calls each).
        var qs = questions.Select(q => q.Question).ToList();
        var analyzer = Assistant.Knowledge.Search.ChineseAnalysis.Words(segmenters[0]);
        double Cpu(Action<string> step)
        {
            for (var i = 0; i < 300; i++) step(qs[i % qs.Count]);
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < 3000; i++) step(qs[i % qs.Count]);
            return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / 3000;
        }
        Console.WriteLine($"segment question: {Cpu(q => Assistant.Knowledge.Search.ChineseAnalysis.Terms(analyzer, "words", q)):F3} ms");
        Console.WriteLine($"search (top 3): {Cpu(q => kb.Search(q, 3)):F3} ms");
        Console.WriteLine($"answer: {Cpu(q => kb.AnswerAsync(q).GetAwaiter().GetResult()):F3} ms");
        return;
    }
    foreach (var r in kb.Search(explain, 6))
        Console.WriteLine($"{r.Score:F3} cov {r.Coverage:F3} bm25 {r.Bm25:F2} <{r.Passage.Section}> {r.Passage.Text[..Math.Min(60, r.Passage.Text.Length)]}");
    var answer = await kb.AnswerAsync(explain);
    Console.WriteLine($"confident {answer.Confident}; summary {answer.Summary}; suggestions: {string.Join(" | ", answer.SuggestedQuestions)}");
    kb.Dispose(); s.Dispose(); Directory.Delete(dir, true);
    return;
}
Console.WriteLine($"Policy knowledge benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {questions.Count} questions, policies: {policies}");

foreach (var segmenter in segmenters)
{
    var dataDir = Path.Combine(Path.GetTempPath(), $"knowledge-bench-{segmenter}-{Guid.NewGuid():N}");
    try
    {
        Console.WriteLine($"\n=== segmenter {segmenter}");
        var (store, knowledge) = Open(dataDir, segmenter);
        var fileOfTitle = new Dictionary<string, string>();
        var sw = Stopwatch.StartNew();
        foreach (var file in Directory.GetFiles(policies).Order())
        {
            await using var stream = File.OpenRead(file);
            var result = await knowledge.IngestAsync(Path.GetFileName(file), stream);
            if (result.Succeeded) fileOfTitle[result.Title!] = result.FileName;
        }
        Console.WriteLine($"ingest 5 documents: {sw.ElapsedMilliseconds} ms, {knowledge.IndexedPassages} passages");

        var report = await PolicyEvaluation.RunAsync(knowledge, questions, fileOfTitle);
        Console.Write("accuracy (5 documents): " + report.Format(details: false));
        await Latency("5 documents", knowledge, questions, queries);

        // Large corpus: the same knowledge base, plus synthetic documents built from the real sentences.
        var segmenter2 = new JiebaNet.Segmenter.JiebaSegmenter();
        var words = Directory.GetFiles(policies)
            .SelectMany(f => PolicyParser.Parse(f, PolicyTextCleaner.Clean(File.ReadAllText(f))).Passages)
            .SelectMany(p => segmenter2.Cut(ChineseScript.ToSimplified(p.Text)))
            .Where(w => w.Any(char.IsLetterOrDigit)).ToList();
        sw.Restart();
        var ingestCpu = Process.GetCurrentProcess().TotalProcessorTime;
        await knowledge.IngestManyAsync(SyntheticCorpus.Generate(words, largeDocs, sections)
            .Select(d => (d.FileName, (Func<Stream>)(() => new MemoryStream(Encoding.UTF8.GetBytes(d.Text))))));
        var passages = knowledge.IndexedPassages;
        Console.WriteLine($"\nbulk ingest of {largeDocs} synthetic documents: {sw.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - ingestCpu).TotalSeconds:F1} s CPU, index now {passages} passages");
        report = await PolicyEvaluation.RunAsync(knowledge, questions, fileOfTitle);
        Console.Write($"accuracy ({passages} passages): " + report.Format(details: false));
        await Latency($"{passages} passages", knowledge, questions, queries);

        // Index persistence: drop the index folder and time the rebuild from the store.
        knowledge.Dispose();
        Directory.Delete(Path.Combine(dataDir, "policy-index"), recursive: true);
        var (_, reopened) = (store, new PolicyKnowledgeBase(store, new PolicyCatalogueFacts(), Options(dataDir, segmenter)));
        sw.Restart();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var rebuilt = await reopened.EnsureIndexAsync();
        Console.WriteLine($"\nindex rebuild from the store after deleting it: {sw.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms CPU (rebuilt={rebuilt}, {reopened.IndexedPassages} passages); load average {LoadAverage()}");
        reopened.Dispose();
        store.Dispose();
    }
    finally
    {
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
    }
}

static async Task Latency(string label, PolicyKnowledgeBase knowledge, List<EvaluationQuestion> questions, int count)
{
    for (var i = 0; i < 200; i++) await knowledge.AnswerAsync(questions[i % questions.Count].Question);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    var samples = new double[count];
    for (var i = 0; i < count; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await knowledge.AnswerAsync(questions[i % questions.Count].Question);
        samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
    var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count;
    var wallPerQuery = wall.Elapsed.TotalMilliseconds / count;
    Array.Sort(samples);
    Console.WriteLine($"answer latency ({label}, {count} questions): p50 {samples[count / 2]:F2} ms, p99 {samples[(int)(count * 0.99)]:F2} ms, max {samples[^1]:F2} ms; mean wall {wallPerQuery:F2} ms vs process CPU {cpuPerQuery:F2} ms per question; load average {LoadAverage()}");
}

// The machine is shared: the load average says how much of the wall-clock figure is waiting for a core.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static (LogStore, PolicyKnowledgeBase) Open(string dataDir, ChineseSegmenter segmenter)
{
    var schema = new StoreSchema();
    PolicyStore.Declare(schema);
    var store = new LogStore(dataDir, "assistant.db", schema);
    store.ApplySchema();
    return (store, new PolicyKnowledgeBase(store, new PolicyCatalogueFacts(), Options(dataDir, segmenter)));
}

static IOptions<PolicyKnowledgeOptions> Options(string dataDir, ChineseSegmenter segmenter) =>
    Microsoft.Extensions.Options.Options.Create(new PolicyKnowledgeOptions { IndexDirectory = Path.Combine(dataDir, "policy-index"), Segmenter = segmenter });

static string PoliciesDirectory()
{
    if (Environment.GetEnvironmentVariable("ASSISTANT_POLICIES_DIR") is { Length: > 0 } configured) return configured;
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "..", "shared", "policies");
        if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(candidate)) return Path.GetFullPath(candidate);
    }
    throw new DirectoryNotFoundException("../shared/policies not found; set ASSISTANT_POLICIES_DIR");
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
