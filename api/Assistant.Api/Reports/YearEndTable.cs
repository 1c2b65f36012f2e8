using System.Globalization;
using Assistant.Contracts.Api;

namespace Assistant.Api.Reports;

/// <summary>The report as a flat table (header + rows), shared by the CSV and XLSX outputs so both have the same columns.</summary>
public static class YearEndTable
{
    public static (List<string> Header, List<List<object?>> Rows) Flatten(YearEndReportDto report)
    {
        // Method columns: only those used somewhere in the report, in enum order (the total row lists them all).
        var methods = report.Total.Methods.Select(m => (m.Key, m.Label)).ToList();
        var kinds = report.Total.ProvidersByKind.Select(k => (k.Key, k.Label)).ToList();
        var grades = report.Total.Grades.Select(g => (g.Key, g.Label)).ToList();

        var header = new List<string> { "部门", "项目数", "已签合同数", "预算金额（元）", "合同金额（元）", "已支付（元）" };
        header.AddRange(methods.Select(m => $"购买方式：{m.Label}"));
        header.AddRange(kinds.Select(k => $"承接主体：{k.Label}"));
        header.AddRange(["平均满意度（5分制）", "评价人次"]);
        header.AddRange(grades.Select(g => $"绩效评价：{g.Label}"));

        List<object?> Line(YearEndRowDto r)
        {
            int Of(IReadOnlyList<CountDto> counts, string key) => counts.FirstOrDefault(c => c.Key == key)?.Count ?? 0;
            var line = new List<object?> { r.Department, r.Projects, r.Contracted, r.Budget, r.ContractAmount, r.Paid };
            line.AddRange(methods.Select(m => (object?)Of(r.Methods, m.Key)));
            line.AddRange(kinds.Select(k => (object?)Of(r.ProvidersByKind, k.Key)));
            line.AddRange([r.AverageSatisfaction, r.RatingCount]);
            line.AddRange(grades.Select(g => (object?)Of(r.Grades, g.Key)));
            return line;
        }
        return (header, [.. report.Departments.Select(Line), Line(report.Total)]);
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
