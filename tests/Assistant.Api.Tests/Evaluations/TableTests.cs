using System.Text;
using Assistant.Api.Exports;
using ClosedXML.Excel;

namespace Assistant.Api.Tests.Evaluations;

public sealed class TableTests
{
    private static readonly Table Sample = new("测试", ["名称", "金额", "说明"],
    [
        ["=HYPERLINK(\"http://x\")", 12.5m, "含,逗号与\"引号\""],
        ["-5", -5m, null],
    ]);

    [Fact]
    public void Csv_quotes_fields_and_defuses_text_that_a_spreadsheet_would_run_as_a_formula()
    {
        var text = Encoding.UTF8.GetString(Sample.ToCsv()[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal("名称,金额,说明", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",12.5,\"含,逗号与\"\"引号\"\"\"", lines[1]);
        // A negative number stays a number.
        Assert.Equal("-5,-5,", lines[2]);
    }

    [Fact]
    public void Xlsx_keeps_numbers_as_numbers_and_formula_like_text_as_text()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Sample.ToXlsx()));
        var sheet = workbook.Worksheet("测试");
        Assert.False(sheet.Cell(2, 1).HasFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", sheet.Cell(2, 1).GetString());
        Assert.Equal(12.5m, sheet.Cell(2, 2).GetValue<decimal>());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 2).DataType);
    }
}
