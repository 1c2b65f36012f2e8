using Assistant.Contracts.Text;
using Assistant.Knowledge.Ingest;

namespace Assistant.Knowledge.Tests.Ingest;

/// <summary>Cleaning, metadata and structure on the five real (messy) documents.</summary>
public sealed class ParsingTests
{
    private static ParsedPolicy Parse(string file) =>
        PolicyParser.Parse(file, PolicyTextCleaner.Clean(File.ReadAllText(PolicyCorpus.File(file))));

    [Fact]
    public void Jiangbei_header_gives_title_doc_number_and_issuing_body()
    {
        var policy = Parse(PolicyCorpus.Jiangbei);
        Assert.Equal("关于推进政府购买服务的实施意见", policy.Title);
        Assert.Equal("江北府办〔2015〕109号", policy.DocNumber);
        Assert.Equal("重庆市江北区人民政府办公室", policy.IssuingBody);
    }

    [Fact]
    public void Xianning_fields_and_date_are_read_and_download_disclaimers_dropped()
    {
        var policy = Parse(PolicyCorpus.Xianning);
        Assert.Equal("咸宁市人民政府办公室印发关于政府向社会力量购买服务实施意见的通知", policy.Title);
        Assert.Equal("咸政办发〔2015〕39号", policy.DocNumber);
        Assert.Equal("2015-07-31", policy.IssuedOn);
        Assert.DoesNotContain(policy.Passages, p => p.Text.Contains("下载文档") || p.Text.Contains("客服") || p.Text.Contains("相关文档"));
    }

    [Fact]
    public void A_line_the_web_page_broke_mid_sentence_is_joined_again()
    {
        var policy = Parse(PolicyCorpus.Xianning);
        Assert.Contains(policy.Passages, p => p.Text.Contains("市场体系发育较为完善的重点公共服务领域"));
        Assert.Contains(policy.Passages, p => p.Text.Contains("医疗卫生、住房保障、文化体育"));
    }

    [Fact]
    public void Anyang_news_list_after_the_article_is_not_part_of_the_document()
    {
        var policy = Parse(PolicyCorpus.Anyang);
        Assert.Equal("2017-07-11", policy.IssuedOn);
        Assert.Null(policy.DocNumber);
        Assert.DoesNotContain(policy.Passages, p => p.Text.Contains("攀枝花") || p.Text.Contains("猜你喜欢") || p.Text.Contains("标签"));
        Assert.Contains(policy.Passages, p => p.Text.Contains("三考两加强"));
    }

    [Fact]
    public void Shangyu_read_aloud_button_is_dropped_and_a_cited_doc_number_is_not_taken_as_its_own()
    {
        var policy = Parse(PolicyCorpus.Shangyu);
        Assert.Equal("上虞区深化政府购买服务改革工作实施方案", policy.Title);
        Assert.Null(policy.DocNumber);
        Assert.DoesNotContain(policy.Passages, p => p.Text == "朗读");
    }

    [Fact]
    public void Traditional_document_loses_its_pinyin_but_keeps_its_own_characters()
    {
        var policy = Parse(PolicyCorpus.Fangchenggang);
        Assert.DoesNotContain(policy.Passages, p => p.Text.Contains("(qū)") || p.Text.Contains("(wù)") || p.Text.Contains("(xiāng)"));
        Assert.Contains(policy.Passages, p => p.Text.Contains("自治區政策要求"));
        Assert.Null(policy.DocNumber); // 桂政辦發〔2014〕30號 is only cited
        Assert.Contains(policy.Passages, p => p.Section.StartsWith("三是落實政策"));
    }

    [Fact]
    public void Headings_build_a_section_path_for_each_passage()
    {
        var policy = Parse(PolicyCorpus.Jiangbei);
        var provider = Assert.Single(policy.Passages, p => p.Text.StartsWith("承接政府购买服务的主体包括"));
        Assert.Equal("二、规范有序开展政府购买服务工作 › （二）承接主体", provider.Section);
        var contract = Assert.Single(policy.Passages, p => p.Text.StartsWith("4．签订购买合同"));
        Assert.Equal("二、规范有序开展政府购买服务工作 › （五）购买程序 › 4．签订购买合同", contract.Section);
    }

    [Fact]
    public void Long_paragraphs_are_cut_at_sentence_ends_without_losing_text()
    {
        var raw = PolicyTextCleaner.Clean(File.ReadAllText(PolicyCorpus.File(PolicyCorpus.Jiangbei)));
        var policy = PolicyParser.Parse(PolicyCorpus.Jiangbei, raw);
        Assert.All(policy.Passages, p => Assert.True(p.Text.Length <= 2 * PolicySplitter.MaxPassage, p.Text));
        var guidance = string.Concat(policy.Passages.Where(p => p.Section.EndsWith("（二）引导规范，夯实基础")).Select(p => p.Text));
        Assert.Equal(raw.Single(l => l.StartsWith("通过引导、扶持、规范、监管等办法")), guidance);
    }

    [Theory]
    [InlineData("自治區(qū)政策", "自治區政策")]
    [InlineData("購買服務(wù)有章可循", "購買服務有章可循")]
    [InlineData("公园(广场)养护", "公园(广场)养护")]
    [InlineData("采用PPP(ppp)模式", "采用PPP(ppp)模式")]
    public void Only_toned_pinyin_in_brackets_is_removed(string input, string expected) =>
        Assert.Equal(expected, Assert.Single(PolicyTextCleaner.Clean(input)));

    [Fact]
    public void Gb18030_text_decodes_like_utf8()
    {
        var text = File.ReadAllText(PolicyCorpus.File(PolicyCorpus.Jiangbei));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gb = System.Text.Encoding.GetEncoding("GB18030").GetBytes(text);
        Assert.Equal(text, PolicyTextReader.DecodeText(gb));
        Assert.Equal(text, PolicyTextReader.DecodeText(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text)).ToArray()));
    }

    [Theory]
    [InlineData("policy.exe", "不支持的文件类型")]
    [InlineData("policy.txt", "文件是空的")]
    public void Unsupported_or_empty_files_get_a_clear_error(string name, string error)
    {
        var result = PolicyTextReader.Read(name, []);
        Assert.Null(result.Text);
        Assert.Contains(error, result.Error);
    }

    [Fact]
    public void A_corrupt_docx_gets_an_error_not_an_exception()
    {
        var result = PolicyTextReader.Read("broken.docx", "not a zip"u8.ToArray());
        Assert.Contains("无法读取", result.Error);
    }

    [Fact]
    public void Simplified_and_traditional_doc_numbers_are_one_identity()
    {
        Assert.Equal(PolicyParser.NormaliseDocNumber("咸政办发[2015]39号"), PolicyParser.NormaliseDocNumber("咸政辦發〔2015〕39號"));
        Assert.Equal("咸政办发〔2015〕39号", ChineseScript.ToSimplified(PolicyParser.NormaliseDocNumber("咸政辦發(2015)39號")));
    }
}
