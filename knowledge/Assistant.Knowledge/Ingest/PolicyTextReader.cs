using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace Assistant.Knowledge.Ingest;

/// <summary>Raw text out of an uploaded file; unsupported or unreadable files give a clear Chinese error, never an exception.</summary>
public static class PolicyTextReader
{
    public static readonly IReadOnlySet<string> SupportedExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { ".txt", ".md", ".docx", ".pdf" };

    static PolicyTextReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TextReadResult Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName);
        if (!SupportedExtensions.Contains(extension))
            return TextReadResult.Fail($"不支持的文件类型“{extension}”：请上传 .txt、.md、.docx 或 .pdf 文件。");
        if (content.Length == 0)
            return TextReadResult.Fail("文件是空的。");
        try
        {
            var text = extension.ToLowerInvariant() switch
            {
                ".docx" => ReadDocx(content),
                ".pdf" => ReadPdf(content),
                _ => DecodeText(content),
            };
            return string.IsNullOrWhiteSpace(text)
                ? TextReadResult.Fail("文件中没有可读取的文字（扫描版 PDF 需要先做文字识别）。")
                : TextReadResult.Ok(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return TextReadResult.Fail($"无法读取文件内容（{e.GetType().Name}）：文件可能已损坏或格式不符。");
        }
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030 (a superset of GBK/GB2312).</summary>
    public static string DecodeText(byte[] content)
    {
        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE) return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            var text = strictUtf8.GetString(content);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    private static string ReadDocx(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null) return "";
        var builder = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
            builder.AppendLine(string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)));
        return builder.ToString();
    }

    private static string ReadPdf(byte[] content)
    {
        using var pdf = PdfDocument.Open(content);
        var builder = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            // Lines are rebuilt from the words' baselines so headings stay on lines of their own.
            var lines = page.GetWords()
                .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 3))
                .OrderByDescending(g => g.Key);
            foreach (var line in lines)
                builder.AppendLine(string.Concat(line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
            builder.AppendLine();
        }
        return builder.ToString();
    }
}

public sealed record TextReadResult(string? Text, string? Error)
{
    public static TextReadResult Ok(string text) => new(text, null);
    public static TextReadResult Fail(string error) => new(null, error);
}
