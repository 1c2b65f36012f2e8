using System.Text.RegularExpressions;

namespace Assistant.Knowledge.Ingest;

/// <summary>
/// Turns raw web text into the document's own lines: drops page furniture (download disclaimers, "朗读",
/// "相关文档", "猜你喜欢" news lists), stray pinyin after characters (區(qū)), and re-joins lines a web page
/// broke in the middle of a sentence.
/// </summary>
public static partial class PolicyTextCleaner
{
    // Everything after one of these is unrelated page content (news lists, related links).
    private static readonly string[] TailMarkers = ["猜你喜欢", "相关文档", "相关阅读", "相关新闻", "相关链接", "最新文档", "热门推荐"];

    private static readonly string[] NoiseLines = ["朗读", "合集下载", "打印本页", "关闭窗口", "【打印】", "【关闭】", "分享到", "字号", "收藏"];

    public static IReadOnlyList<string> Clean(string raw)
    {
        var text = raw.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u3000', ' ').Replace('\u00A0', ' ');
        text = PinyinAnnotation().Replace(text, "$1");
        text = BookmarkTag().Replace(text, "");
        text = MarkdownDecoration().Replace(text, "");

        var lines = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (TailMarkers.Any(m => line == m || line.StartsWith(m + " ") || line.StartsWith(m + ":")))
                break;
            if (line.Length == 0 || IsNoise(line)) { lines.Add(""); continue; }
            lines.Add(line);
        }
        return JoinBrokenLines(lines);
    }

    private static bool IsNoise(string line) =>
        NoiseLines.Contains(line)
        || DisclaimerLine().IsMatch(line)
        || line.StartsWith("标签:") || line.StartsWith("标签：")
        || line.StartsWith("责任编辑") || line.StartsWith("【时效性】") || line.StartsWith("【效力级别】")
        || line.StartsWith("【法规类别】") || line.StartsWith("【实施日期】");

    /// <summary>
    /// A long line that stops mid-sentence (no closing punctuation) followed, after blank lines, by a line that is not a
    /// heading is one paragraph the page broke (咸宁: "较为完" / "善的重点公共服务领域").
    /// </summary>
    private static List<string> JoinBrokenLines(List<string> lines)
    {
        var result = new List<string>();
        string? pending = null;
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            if (pending is not null && !PolicySplitter.IsHeading(line))
            {
                pending += line;
                if (!StopsMidSentence(pending)) { result.Add(pending); pending = null; }
                continue;
            }
            if (pending is not null) { result.Add(pending); pending = null; }
            if (StopsMidSentence(line)) pending = line;
            else result.Add(line);
        }
        if (pending is not null) result.Add(pending);
        return result;
    }

    private static bool StopsMidSentence(string line) =>
        line.Length >= 40 && char.IsLetterOrDigit(line[^1]) && line[^1] > '\u2E80';

    // A CJK character followed by toned pinyin in brackets (English acronyms in brackets stay): 區(qū), 務(wù), 協(xié).
    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})[\(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[\)）]")]
    private static partial Regex PinyinAnnotation();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex BookmarkTag();

    [GeneratedRegex(@"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))|\*\*|__", RegexOptions.Multiline)]
    private static partial Regex MarkdownDecoration();

    // Numbered download-site disclaimers: "1、下载文档前请自行甄别…", "2、"仅部分预览"的文档…".
    [GeneratedRegex(@"^\d+[\.、．]\s*\d*[、．.]?\s*.*(下载文档|部分预览|侵犯您的|客服|退款)")]
    private static partial Regex DisclaimerLine();
}
