using Assistant.Knowledge;
using Assistant.Knowledge.Ingest;
using Assistant.Knowledge.Storage;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// assistant-policies <folder> [--recursive]
// Ingests .txt/.md/.docx/.pdf files into the store that ASSISTANT_DATA_DIR / ASSISTANT_MONGO_URL select, the same
// way POST /api/policies does; re-running replaces documents instead of duplicating them. Exit code 1 if any file failed.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("用法: assistant-policies <文件夹> [--recursive]\n  导入文件夹中的 .txt/.md/.docx/.pdf 政策文件（UTF-8 或 GB18030）。\n" +
                      "  存储位置: ASSISTANT_DATA_DIR（嵌入式，默认 ./data）或 ASSISTANT_MONGO_URL。");
    return args.Length == 0 ? 2 : 0;
}
var folder = args[0];
if (!Directory.Exists(folder))
{
    Console.Error.WriteLine($"找不到文件夹：{folder}");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var environment = new Dictionary<string, string?>();
if (Environment.GetEnvironmentVariable("ASSISTANT_DATA_DIR") is { } dataDir) environment["Store:DataDir"] = dataDir;
if (Environment.GetEnvironmentVariable("ASSISTANT_MONGO_URL") is { } mongoUrl) environment["Store:MongoUrl"] = mongoUrl;
environment["Store:SeedDemoData"] = "false";
builder.Configuration.AddInMemoryCollection(environment);
builder.Services.AddDocumentStore(PolicyStore.Declare);
builder.Services.AddPolicyKnowledge();

IHost host;
try
{
    host = builder.Build();
    await host.StartAsync();
}
catch (StoreLockedException e)
{
    Console.Error.WriteLine("存储正被另一个进程（例如正在运行的 API）使用：" + e.Message);
    return 3;
}

var store = host.Services.GetRequiredService<IDocumentStore>();
using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
{
    while (!await store.IsReadyAsync(wait.Token))
    {
        if (wait.IsCancellationRequested) { Console.Error.WriteLine("存储未就绪（MongoDB 不可达？）"); return 3; }
        await Task.Delay(500, wait.Token).ContinueWith(_ => { });
    }
}

var knowledge = host.Services.GetRequiredService<PolicyKnowledgeBase>();
var option = args.Contains("--recursive") ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
var files = Directory.GetFiles(folder, "*", option)
    .Where(f => PolicyTextReader.SupportedExtensions.Contains(Path.GetExtension(f))).Order().ToList();
Console.WriteLine($"{store.EngineName}: 导入 {files.Count} 个文件 …");
var done = 0;
var results = await knowledge.IngestManyAsync(files.Select(f => (Path.GetFileName(f), (Func<Stream>)(() => File.OpenRead(f)))), result =>
{
    var progress = $"[{++done}/{files.Count}]";
    Console.WriteLine(result.Succeeded
        ? $"{progress} ✓ {result.FileName}: 《{result.Title}》{result.DocNumber} — {result.Passages} 段{(result.Replaced ? "（已替换旧版本）" : "")}"
        : $"{progress} ✗ {result.FileName}: {result.Error}");
});
var failed = results.Count(r => !r.Succeeded);
Console.WriteLine($"完成：成功 {files.Count - failed}，失败 {failed}；索引共 {knowledge.IndexedPassages} 段。");
await host.StopAsync();
host.Dispose();
return failed == 0 ? 0 : 1;
