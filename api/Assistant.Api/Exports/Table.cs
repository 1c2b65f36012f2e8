using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Assistant.Api.Exports;

/// <summary>One sheet of an export, written as CSV (UTF-8 with BOM so Excel shows Chinese) or XLSX (ClosedXML).</summary>
public sealed record Table(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows)
{
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(Escape)).Append("\r\n");
        foreach (var row in Rows) text.AppendJoin(',', row.Select(v => Escape(Format(v)))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(Name.Length > 31 ? Name[..31] : Name);
        for (var c = 0; c < Headers.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = Headers[c];
            sheet.Cell(1, c + 1).Style.Font.Bold = true;
            // Fixed widths: ClosedXML's AdjustToContents measures text with System.Drawing, which is Windows-only.
            sheet.Column(c + 1).Width = 18;
        }
        for (var r = 0; r < Rows.Count; r++)
            for (var c = 0; c < Rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (Rows[r][c])
                {
                    case null: break;
                    case decimal d: cell.Value = d; break;
                    case int i: cell.Value = i; break;
                    case bool b: cell.Value = b ? "是" : "否"; break;
                    case DateTime t: cell.Value = t; cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm"; break;
                    // Text goes in as text: a comment starting with "=" must never become a formula.
                    case var other: cell.SetValue(Format(other)); cell.DataType = XLDataType.Text; break;
                }
            }
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "是" : "否",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula (CSV injection).</summary>
    private static string Escape(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !decimal.TryParse(value, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
