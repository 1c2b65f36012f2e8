using System.Text;
using Assistant.Knowledge.Storage;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Knowledge.Tests.Ingest;

/// <summary>Ingest into a fresh store and index per test: replacement, formats, persistence and rebuild.</summary>
public sealed class IngestTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "knowledge-ingest-" + Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _open = [];

    private PolicyKnowledgeBase Open()
    {
        var (store, knowledge) = KnowledgeFixture.Open(_dataDir);
        _open.Add(knowledge);
        _open.Add(store);
        return knowledge;
    }

    private static async Task<Contracts.Api.PolicyIngestResultDto> Ingest(PolicyKnowledgeBase knowledge, string name, byte[] content) =>
        await knowledge.IngestAsync(name, new MemoryStream(content));

    [Fact]
    public async Task Re_ingesting_the_same_document_replaces_it_without_duplicates()
    {
        var knowledge = Open();
        var bytes = File.ReadAllBytes(PolicyCorpus.File(PolicyCorpus.Jiangbei));
        var first = await Ingest(knowledge, "jiangbei.txt", bytes);
        var second = await Ingest(knowledge, "江北区实施意见-重新上传.txt", bytes);

        Assert.True(first.Succeeded);
        Assert.False(first.Replaced);
        Assert.True(second.Replaced);
        Assert.Equal(first.DocumentId, second.DocumentId);
        var store = (Platform.Storage.IDocumentStore)_open[1];
        Assert.Equal(1, await store.Collection<PolicyDocument>().CountAsync(d => d.Id != ""));
        Assert.Equal(first.Passages, await store.Collection<PolicyPassage>().CountAsync(p => p.DocumentId == first.DocumentId));
        Assert.Equal(first.Passages, knowledge.IndexedPassages);
    }

    [Fact]
    public async Task A_changed_version_of_a_document_replaces_the_old_passages()
    {
        var knowledge = Open();
        var text = File.ReadAllText(PolicyCorpus.File(PolicyCorpus.Jiangbei));
        await Ingest(knowledge, "v1.txt", Encoding.UTF8.GetBytes(text));
        var changed = text.Replace("允许分阶段支付购买服务经费", "允许按季度分阶段支付购买服务经费");
        var result = await Ingest(knowledge, "v2.txt", Encoding.UTF8.GetBytes(changed));

        Assert.True(result.Replaced);
        var answer = await knowledge.AnswerAsync("购买服务经费可以分阶段支付吗？");
        Assert.Contains("按季度", answer.Answers[0].Text);
        Assert.Equal(result.Passages, knowledge.IndexedPassages);
    }

    [Fact]
    public async Task Bulk_ingest_reports_each_file_commits_once_and_survives_a_restart()
    {
        var knowledge = Open();
        var files = Directory.GetFiles(PolicyCorpus.Directory).Order()
            .Select(f => (Path.GetFileName(f), (Func<Stream>)(() => File.OpenRead(f))))
            .Append(("missing.txt", () => throw new FileNotFoundException("missing.txt")))
            .ToList();
        var reported = new List<string>();
        var results = await knowledge.IngestManyAsync(files, r => reported.Add(r.FileName));

        Assert.Equal(files.Select(f => f.Item1), reported);
        Assert.Equal(5, results.Count(r => r.Succeeded));
        Assert.False(results[^1].Succeeded);
        Assert.Equal(results.Sum(r => r.Passages), knowledge.IndexedPassages);
        Assert.True((await knowledge.AnswerAsync("什么情况下会被列入黑名单？")).Confident);

        foreach (var d in Enumerable.Reverse(_open)) d.Dispose();
        _open.Clear();
        Assert.False(await Open().EnsureIndexAsync()); // the single commit carried the corpus fingerprint
    }

    [Fact]
    public async Task Gb18030_files_ingest_like_utf8()
    {
        var knowledge = Open();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = File.ReadAllText(PolicyCorpus.File(PolicyCorpus.Xianning));
        var result = await Ingest(knowledge, "xianning-gbk.txt", Encoding.GetEncoding("GB18030").GetBytes(text));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("咸政办发〔2015〕39号", result.DocNumber);
        var utf8 = await Ingest(knowledge, "xianning-utf8.txt", Encoding.UTF8.GetBytes(text));
        Assert.True(utf8.Replaced);
        Assert.Equal(result.Passages, utf8.Passages);
    }

    [Fact]
    public async Task Docx_paragraphs_become_sectioned_passages()
    {
        var knowledge = Open();
        var result = await Ingest(knowledge, "测试.docx", Docx(
            "某区人民政府办公室", "关于社区养老服务购买的通知", "某府办〔2024〕7号",
            "一、购买范围", "（一）助餐服务", "为辖区六十岁以上老人提供助餐服务，每周不少于五次，由承接主体配送到户。"));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("关于社区养老服务购买的通知", result.Title);
        Assert.Equal("某府办〔2024〕7号", result.DocNumber);
        var answer = await knowledge.AnswerAsync("助餐服务每周几次？");
        Assert.Equal("一、购买范围 › （一）助餐服务", answer.Answers[0].Section);
    }

    [Fact]
    public async Task Markdown_headings_and_emphasis_are_read_as_policy_structure()
    {
        var knowledge = Open();
        var md = "# 关于社区矫正服务购买的通知\n\n## 一、承接条件\n\n**（一）登记要求**\n\n- 承接主体应当在民政部门依法登记成立满两年，且上年度年检合格。\n";
        var result = await Ingest(knowledge, "notice.md", Encoding.UTF8.GetBytes(md));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("关于社区矫正服务购买的通知", result.Title);
        var answer = await knowledge.AnswerAsync("承接主体登记要求是什么？");
        Assert.Equal("一、承接条件 › （一）登记要求", answer.Answers[0].Section);
        Assert.StartsWith("承接主体应当在民政部门依法登记", answer.Answers[0].Text);
    }

    [Fact]
    public async Task Pdf_text_is_extracted()
    {
        var knowledge = Open();
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        page.AddText("Service purchase notice", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        page.AddText("1. Providers must be registered social organisations.", 12, new UglyToad.PdfPig.Core.PdfPoint(50, 680), font);
        var result = await Ingest(knowledge, "notice.pdf", builder.Build());
        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.Passages >= 1);
    }

    [Fact]
    public async Task Bad_files_get_a_per_file_error()
    {
        var knowledge = Open();
        var exe = await Ingest(knowledge, "virus.exe", [1, 2, 3]);
        var noBody = await Ingest(knowledge, "blank.txt", Encoding.UTF8.GetBytes("朗读\n\n相关文档\n某某新闻"));
        Assert.False(exe.Succeeded);
        Assert.Contains("不支持", exe.Error);
        Assert.False(noBody.Succeeded);
        Assert.Contains("没有识别出正文", noBody.Error);
    }

    [Fact]
    public async Task The_index_survives_a_restart_and_is_rebuilt_from_the_store_when_missing()
    {
        var first = Open();
        foreach (var file in Directory.GetFiles(PolicyCorpus.Directory))
            await first.IngestAsync(Path.GetFileName(file), File.OpenRead(file));
        var before = await first.AnswerAsync("承接主体弄虚作假会怎么处理？");
        var indexDir = first.Options.IndexDirectory!;
        foreach (var d in Enumerable.Reverse(_open)) d.Dispose();
        _open.Clear();

        var restarted = Open();
        Assert.False(await restarted.EnsureIndexAsync()); // same corpus: the index on disk is used as is
        Assert.Equal(before.Answers[0].Text, (await restarted.AnswerAsync("承接主体弄虚作假会怎么处理？")).Answers[0].Text);
        foreach (var d in Enumerable.Reverse(_open)) d.Dispose();
        _open.Clear();

        Directory.Delete(indexDir, recursive: true);
        var rebuilt = Open();
        Assert.True(await rebuilt.EnsureIndexAsync());
        Assert.Equal(before.Answers[0].Text, (await rebuilt.AnswerAsync("承接主体弄虚作假会怎么处理？")).Answers[0].Text);
    }

    [Fact]
    public async Task Documents_ingested_by_another_process_are_picked_up_without_a_restart()
    {
        var loader = Open();
        var store = (Platform.Storage.LogStore)_open[1];
        // A second knowledge base on the same store with its own index folder stands in for another process.
        using var other = new PolicyKnowledgeBase(store, new Catalogue.PolicyCatalogueFacts(),
            Microsoft.Extensions.Options.Options.Create(new PolicyKnowledgeOptions
            {
                IndexDirectory = Path.Combine(_dataDir, "other-index"),
                RecheckInterval = TimeSpan.Zero,
            }));
        Assert.False((await other.AnswerAsync("承接主体弄虚作假会怎么处理？")).Confident);

        await loader.IngestAsync(PolicyCorpus.Jiangbei, File.OpenRead(PolicyCorpus.File(PolicyCorpus.Jiangbei)));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (other.IndexedPassages == 0 && DateTime.UtcNow < deadline)
        {
            await other.AnswerAsync("承接主体弄虚作假会怎么处理？");
            await Task.Delay(100);
        }
        Assert.True((await other.AnswerAsync("承接主体弄虚作假会怎么处理？")).Confident);
    }

    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
        }
        return stream.ToArray();
    }

    public void Dispose()
    {
        foreach (var d in Enumerable.Reverse(_open)) d.Dispose();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
