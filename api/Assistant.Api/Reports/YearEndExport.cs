using System.Text;
using Assistant.Contracts.Api;
using ClosedXML.Excel;

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
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("年度统计");
        sheet.Cell(1, 1).Value = $"{report.Year}年度政府购买服务统计表（{report.Scope}）";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        for (var c = 0; c < header.Count; c++)
        {
            var cell = sheet.Cell(3, c + 1);
            cell.Value = header[c];
            cell.Style.Font.Bold = true;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Fill.BackgroundColor = XLColor.LightGray;
        }
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = sheet.Cell(4 + r, c + 1);
                switch (rows[r][c])
                {
                    case decimal d: cell.Value = d; cell.Style.NumberFormat.Format = header[c].Contains("满意度") ? "0.00" : "#,##0.00"; break;
                    case int i: cell.Value = i; break;
                    case null: break;
                    case var other: cell.Value = other.ToString(); break;
                }
            }
        }
        sheet.Row(3 + rows.Count).Style.Font.Bold = true;
        // Fixed widths: AdjustToContents needs System.Drawing fonts, which Linux servers lack.
        sheet.Column(1).Width = 28;
        for (var c = 2; c <= header.Count; c++) sheet.Column(c).Width = 14;
        sheet.SheetView.FreezeRows(3);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
