using System.Text;
using Assistant.Contracts.Api;

namespace Assistant.Api.Reports;

/// <summary>The year-end table as files staff download: CSV (UTF-8 with BOM, so Excel shows the Chinese) and XLSX.</summary>
public static class YearEndExport
{
    public static byte[] Csv(YearEndReportDto report)
    {
        var (header, rows) = YearEndTable.Flatten(report);
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Escape))).Append("\r\n");
        foreach (var row in rows)
            text.Append(string.Join(',', row.Select(v => Escape(YearEndTable.Format(v))))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(YearEndReportDto report)
    {
        var (header, rows) = YearEndTable.Flatten(report);
        return XlsxWriter.Write("年度统计", $"{report.Year}年度政府购买服务统计表（{report.Scope}）", header, rows, boldLastRow: true);
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
