using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Api.Reports;

/// <summary>
/// A one-sheet XLSX written with the Open XML SDK directly. ClosedXML 0.95.4 is built against Open XML SDK 2.x and fails
/// (InvalidProgramException) once the 3.x SDK the knowledge library uses is in the same process, so exports use this.
/// </summary>
public static class XlsxWriter
{
    // Style indexes in the stylesheet below.
    private const uint Bold = 1, Money = 2, Decimal2 = 3, Header = 4;

    public static byte[] Write(string sheetName, string? title, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, bool boldLastRow = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 1;
            if (title is not null)
            {
                data.Append(Row(r++, [title], _ => Bold));
                r++;
            }
            data.Append(Row(r++, header.Cast<object?>().ToList(), _ => Header));
            var lines = rows.ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var last = boldLastRow && i == lines.Count - 1;
                data.Append(Row(r++, lines[i], c => last ? Bold : c < header.Count && header[c].Contains("满意度") ? Decimal2 : Money));
            }
            var columns = new Columns(new Column { Min = 1, Max = 1, Width = 28, CustomWidth = true });
            if (header.Count > 1) columns.Append(new Column { Min = 2, Max = (uint)header.Count, Width = 14, CustomWidth = true });
            sheetPart.Worksheet = new Worksheet(columns, data);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, Func<int, uint> numberStyle)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var reference = $"{Column(c)}{index}";
            row.Append(values[c] switch
            {
                null => new Cell { CellReference = reference },
                decimal d => Number(reference, d.ToString(CultureInfo.InvariantCulture), numberStyle(c)),
                int n => Number(reference, n.ToString(CultureInfo.InvariantCulture), numberStyle(c) == Bold ? Bold : 0),
                var text => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = numberStyle(c) is Bold or Header ? numberStyle(c) : 0,
                    InlineString = new InlineString(new Text(text.ToString() ?? "")),
                },
            });
        }
        return row;
    }

    private static Cell Number(string reference, string value, uint style) =>
        new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true }));
}
