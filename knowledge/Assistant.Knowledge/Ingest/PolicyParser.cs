using System.Text.RegularExpressions;

namespace Assistant.Knowledge.Ingest;

public sealed record ParsedPolicy(
    string Title, string? DocNumber, string? IssuingBody, string? IssuedOn, IReadOnlyList<ParsedPassage> Passages);

/// <summary>
/// Reads the header of a cleaned policy text: title, 文号 (江北府办〔2015〕109号), issuing body and date, from
/// 【发文字号】-style fields or from the short lines above the first heading; the rest is split into passages.
/// A 文号 merely cited in the body (依据…〔2014〕30号) is not taken as the document's own.
/// </summary>
public static partial class PolicyParser
{
    private const int HeaderLines = 16;

    public static ParsedPolicy Parse(string fileName, IReadOnlyList<string> lines)
    {
        var firstHeading = lines.Select((l, i) => (l, i)).FirstOrDefault(x => PolicySplitter.HeadingLevel(x.l) is 1 or 2).i;
        var headerEnd = Math.Min(firstHeading > 0 ? firstHeading : lines.Count, HeaderLines);
        string? title = null, docNumber = null, body = null, date = null;
        string? fieldNumber = null, fieldBody = null, fieldDate = null;
        var used = new HashSet<int>();

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (Field().Match(line) is { Success: true } field)
            {
                var value = field.Groups["value"].Value.Trim();
                switch (field.Groups["name"].Value)
                {
                    case "发文字号": fieldNumber ??= value; break;
                    case "发布部门": fieldBody ??= value; break;
                    case "发布日期" or "成文日期": fieldDate ??= NormaliseDate(value); break;
                }
                used.Add(i);
                continue;
            }
            if (PublishedAt().Match(line) is { Success: true } published)
            {
                fieldDate ??= NormaliseDate(published.Groups["date"].Value);
                used.Add(i);
                continue;
            }
            if (i >= headerEnd || line.Length > 60) continue;
            if (StandaloneNumber().Match(line) is { Success: true } number) { docNumber ??= number.Groups["n"].Value; used.Add(i); }
            else if (StandaloneDate().IsMatch(line)) { date ??= NormaliseDate(line); used.Add(i); }
            else if (IssuingBodyLine().IsMatch(line) && !line.Contains("关于")) { body ??= line; used.Add(i); }
            else if (line.EndsWith('：') || line.EndsWith(':')) used.Add(i); // salutation: 各乡镇人民政府、街道办事处…：
            else if (title is null && line.Length >= 6 && !SourceLine().IsMatch(line) && !line.EndsWith('。') && !PolicySplitter.IsHeading(line)) { title = line; used.Add(i); }
            else if (title is not null && SubTitle().IsMatch(line)) used.Add(i); // the attached document's own title under a 通知
        }

        title ??= Path.GetFileNameWithoutExtension(fileName);
        // Web copies repeat the title, sometimes broken over two lines ("…购买服务实" / "施意见的通知").
        var bodyLines = lines.Where((l, i) => !used.Contains(i) && !SourceLine().IsMatch(l)
            && !(l.Length < 40 && (title.StartsWith(l, StringComparison.Ordinal) || title.EndsWith(l, StringComparison.Ordinal))));
        return new ParsedPolicy(title, docNumber ?? fieldNumber, body ?? fieldBody, date ?? fieldDate, PolicySplitter.Split(bodyLines));
    }

    /// <summary>The identity of a 文号 for de-duplication: brackets and script differences do not make a new document.</summary>
    public static string NormaliseDocNumber(string docNumber) =>
        Assistant.Contracts.Text.ChineseScript.ToSimplified(docNumber)
            .Replace('[', '〔').Replace(']', '〕').Replace('［', '〔').Replace('］', '〕').Replace('(', '〔').Replace(')', '〕').Replace(" ", "");

    private static string? NormaliseDate(string value)
    {
        var m = DateParts().Match(value);
        if (!m.Success) return null;
        return $"{m.Groups["y"].Value}-{int.Parse(m.Groups["m"].Value):00}-{int.Parse(m.Groups["d"].Value):00}";
    }

    [GeneratedRegex(@"^【(?<name>[^】]{2,6})】(?<value>.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"发布时间[:：]\s*(?<date>\d{4}[-./年]\d{1,2}[-./月]\d{1,2})")]
    private static partial Regex PublishedAt();

    [GeneratedRegex(@"^[（(]?(?<n>[\p{IsCJKUnifiedIdeographs}]{2,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*[号號])[）)]?$")]
    private static partial Regex StandaloneNumber();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex StandaloneDate();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{2,24}(人民政府办公室|人民政府辦公室|人民政府|办公室|辦公室|委员会|委員會|局|厅|廳)$")]
    private static partial Regex IssuingBodyLine();

    [GeneratedRegex(@"^关于.{4,40}(意见|方案|办法|通知|规定|细则)$")]
    private static partial Regex SubTitle();

    [GeneratedRegex(@"^(来源|來源)[:：]")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"(?<y>\d{4})\s*[-./年]\s*(?<m>\d{1,2})\s*[-./月]\s*(?<d>\d{1,2})")]
    private static partial Regex DateParts();
}
