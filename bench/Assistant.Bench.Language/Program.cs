using System.Diagnostics;
using Assistant.Language;
using Assistant.Language.Intents;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.NumberWithUnit;

// Prints start-up cost, parse latency after warm-up, and a cross-validated intent accuracy.
// Usage: dotnet run -c Release [-- rounds]   or   dotnet run -c Release -- gate-fuzz [count] [pairs] (GateFuzz.cs)
if (args.FirstOrDefault() == "gate-fuzz")
    return GateFuzz.Run(args.Length > 1 && int.TryParse(args[1], out var count) ? count : 100_000, args.Contains("pairs"));

var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 20;
var examples = LanguageData.IntentExamples();

var sw = Stopwatch.StartNew();
var classifier = IntentClassifier.Train(examples);
Console.WriteLine($"train intent classifier ({examples.Count} examples, {classifier.Labels.Count} intents): {sw.ElapsedMilliseconds} ms");

sw.Restart();
var language = new LanguageUnderstanding();
Console.WriteLine($"construct (data, lexicons): {sw.ElapsedMilliseconds} ms");
sw.Restart();
language.WarmUp();
Console.WriteLine($"WarmUp (recogniser models + training + first parse): {sw.ElapsedMilliseconds} ms");

string[] entityHeavy =
[
    "上虞区预算五十万以上、下周五之前截止的居家养老项目",
    "把SY-2025-001的投标截止时间延长到3月10日",
    "今天的助餐服务不太好，饭菜凉了",
    "我們的統一社會信用代碼是91330604MA2BDQ8X1P",
    "报价四十五万元",
    "合同金额1989.68万元，评分4.5分",
    "下个月截止的公共文化项目有哪些",
];
var texts = examples.Select(e => e.Text).Concat(entityHeavy).ToArray();
var today = new DateOnly(2025, 2, 12);
// One unmeasured pass: the first parse of each shape still pays JIT (tier-0 → tier-1) and regex compilation.
sw.Restart();
foreach (var text in texts) language.Parse(text, today);
Console.WriteLine($"first pass over {texts.Length} utterances: {sw.Elapsed.TotalMilliseconds / texts.Length:F3} ms/parse");
var timings = new List<double>(texts.Length * rounds);
// CPU time as well as wall time: on a shared machine wall-clock tails measure the neighbours, CPU time does not.
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
for (var round = 0; round < rounds; round++)
{
    foreach (var text in texts)
    {
        var start = Stopwatch.GetTimestamp();
        language.Parse(text, today);
        timings.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
var cpuPerParse = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / timings.Count;
timings.Sort();
double P(double q) => timings[(int)Math.Min(timings.Count - 1, Math.Ceiling(q * timings.Count) - 1)];
Console.WriteLine($"parse latency over {timings.Count} parses: p50 {P(0.50):F3} ms, p90 {P(0.90):F3} ms, p99 {P(0.99):F3} ms, max {timings[^1]:F3} ms; mean CPU {cpuPerParse:F3} ms/parse");
Console.WriteLine($"load average while measuring: {LoadAverage()}");

// Per shape: a greeting holds no date or amount, so its cost is what every small-talk turn pays for
// entity extraction; the date/money sentences are what a search turn pays. Each shape is parsed with the
// recogniser gate and without it (every model on every text), one after the other, so that a busy machine
// slows both alike and the two columns stay comparable.
var ungated = new LanguageUnderstanding(new LanguageUnderstandingOptions { GateRecognizers = false }, classifier: classifier);
ungated.WarmUp();
foreach (var text in texts) ungated.Parse(text, today);
string[] shapes = ["你好", "帮助", "查看我的项目", "上虞区预算五十万以上、下周五之前截止的居家养老项目", "报价四十五万元", "下个月截止的公共文化项目有哪些"];
Console.WriteLine($"per shape, {rounds * 50} parses each, gated vs ungated (p50 / p99):");
foreach (var text in shapes) Console.WriteLine($"  {text}: {Shape(text, rounds * 50)}");

// The Recognizers' static helpers build a recogniser per call; the library keeps models instead.
var cached = new NumberWithUnitRecognizer(Culture.Chinese).GetCurrencyModel();
cached.Parse("预算五十万元");
var staticMs = Time(() => NumberWithUnitRecognizer.RecognizeCurrency("预算五十万元", Culture.Chinese), 20);
var cachedMs = Time(() => cached.Parse("预算五十万元"), 200);
Console.WriteLine($"currency: static RecognizeCurrency {staticMs:F3} ms/call vs cached model {cachedMs:F3} ms/call");

// 5-fold cross-validation on the training data (the test project holds the separate held-out set).
var folds = 5;
var random = new Random(42);
var shuffled = examples.OrderBy(_ => random.Next()).ToList();
int correct = 0, total = 0;
for (var k = 0; k < folds; k++)
{
    var train = shuffled.Where((_, i) => i % folds != k).ToList();
    var test = shuffled.Where((_, i) => i % folds == k).ToList();
    var model = IntentClassifier.Train(train);
    correct += test.Count(e => model.Rank(e.Text)[0].Name == e.Intent);
    total += test.Count;
}
Console.WriteLine($"{folds}-fold cross-validated intent accuracy on training data: {(double)correct / total:P1} ({correct}/{total})");
return 0;

string Shape(string text, int n)
{
    var (gated, all) = (new double[n], new double[n]);
    for (var i = 0; i < n; i++)
    {
        var start = Stopwatch.GetTimestamp();
        language.Parse(text, today);
        gated[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        ungated.Parse(text, today);
        all[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
    return $"gated {Quantiles(gated)}, ungated {Quantiles(all)}";
}

static string Quantiles(double[] times)
{
    Array.Sort(times);
    double Q(double q) => times[(int)Math.Min(times.Length - 1, Math.Ceiling(q * times.Length) - 1)];
    return $"{Q(0.50):F3} / {Q(0.99):F3} ms";
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static double Time(Action action, int n)
{
    var start = Stopwatch.GetTimestamp();
    for (var i = 0; i < n; i++) action();
    return Stopwatch.GetElapsedTime(start).TotalMilliseconds / n;
}
