using System.Net;
using System.Net.Http.Json;
using System.Text;
using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Assistant.Api.Tests.Plans.PlanTestKit;

namespace Assistant.Api.Tests.Library;

/// <summary>The year-end statistics table: JSON, CSV (UTF-8 BOM) and XLSX, per department and for the whole region.</summary>
public sealed class YearEndReportTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_department_report_counts_its_projects_money_methods_and_satisfaction()
    {
        var staff = await factory.ClientForAsync("staff");
        var report = await staff.GetFromJsonAsync<YearEndReportDto>("/api/reports/year-end/2025", Json.Options);

        var row = Assert.Single(report!.Departments);
        Assert.Equal(Civil, row.Department);
        var projects = (await factory.Store.Collection<Project>().FindAsync(p => p.Year == 2025 && p.Department == Civil))
            .Where(p => p.Status != ProjectStatus.Cancelled).ToList();
        Assert.Equal(projects.Count, row.Projects);
        Assert.Equal(projects.Sum(p => p.Budget), row.Budget);
        Assert.Equal(projects.Count, row.Methods.Sum(m => m.Count));

        var contractIds = projects.Select(p => p.ContractId).OfType<string>().ToList();
        var scores = new List<int>();
        foreach (var id in contractIds)
            scores.AddRange((await factory.Store.Collection<Rating>().FindAsync(r => r.ContractId == id && !r.Voided && r.RatesRectificationCaseId == null)).Select(r => r.Score));
        Assert.NotEmpty(scores);
        Assert.Equal(scores.Count, row.RatingCount);
        Assert.Equal(Math.Round((decimal)scores.Average(), 2), row.AverageSatisfaction);
        Assert.Equal(contractIds.Count, row.Contracted);
        Assert.Equal(row.Budget, report.Total.Budget);
    }

    [Fact]
    public async Task The_region_report_totals_every_department_and_counts_grades_and_provider_kinds()
    {
        var finance = await factory.ClientForAsync("finance");
        static int Good(YearEndReportDto r) => r.Departments.Single(d => d.Department == "江北区司法局").Grades.SingleOrDefault(g => g.Key == "Good")?.Count ?? 0;
        var before = Good((await finance.GetFromJsonAsync<YearEndReportDto>("/api/reports/year-end/2025", Json.Options))!);
        // A graded evaluation on one of the year's contracts (the demo data may hold others already).
        var contract = (await factory.Store.Collection<Contract>().FindAsync(c => c.ProjectId == "JB-2025-001")).Single();
        await factory.Store.Collection<Evaluation>().InsertAsync(new Evaluation
        {
            Id = "test-eval-jb-2025-001", ContractId = contract.Id, ProjectId = contract.ProjectId, OrganisationId = contract.OrganisationId,
            Period = "2025", Grade = EvaluationGrade.Good, CompositeScore = 85,
        });

        var report = await finance.GetFromJsonAsync<YearEndReportDto>("/api/reports/year-end/2025", Json.Options);

        Assert.True(report!.Departments.Count > 3);
        Assert.Equal(report.Departments.Sum(d => d.Projects), report.Total.Projects);
        Assert.Equal(report.Departments.Sum(d => d.Budget), report.Total.Budget);
        Assert.Equal(report.Departments.Sum(d => d.ContractAmount), report.Total.ContractAmount);
        Assert.True(report.Total.Grades.Single(g => g.Key == "Good").Count >= 1);
        Assert.Equal(before + 1, Good(report));
        Assert.True(report.Total.ProvidersByKind.Sum(k => k.Count) >= 2);

        var jiangbei = await finance.GetFromJsonAsync<YearEndReportDto>($"/api/reports/year-end/2025?region={Uri.EscapeDataString("江北区")}", Json.Options);
        Assert.All(jiangbei!.Departments, d => Assert.StartsWith("江北区", d.Department));
    }

    [Fact]
    public async Task Cancelled_projects_are_left_out()
    {
        var finance = await factory.ClientForAsync("finance");
        var report = await finance.GetFromJsonAsync<YearEndReportDto>("/api/reports/year-end/2026", Json.Options);
        var cancelled = await factory.Store.Collection<Project>().FindAsync(p => p.Year == 2026 && p.Status == ProjectStatus.Cancelled);
        var all = await factory.Store.Collection<Project>().CountAsync(p => p.Year == 2026);
        Assert.NotEmpty(cancelled);
        Assert.Equal(all - cancelled.Count, report!.Total.Projects);
    }

    [Fact]
    public async Task The_csv_has_a_utf8_bom_a_chinese_header_and_the_total_last()
    {
        var staff = await factory.ClientForAsync("staff");
        var response = await staff.GetAsync("/api/reports/year-end/2025.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("部门,项目数,已签合同数,预算金额（元）", lines[0]);
        Assert.StartsWith(Civil + ",", lines[1]);
        Assert.StartsWith("合计,", lines[^1]);
        Assert.Equal(lines[0].Split(',').Length, lines[^1].Split(',').Length);
    }

    [Fact]
    public async Task The_xlsx_opens_with_the_title_header_and_the_same_figures()
    {
        var finance = await factory.ClientForAsync("finance");
        var json = await finance.GetFromJsonAsync<YearEndReportDto>("/api/reports/year-end/2025", Json.Options);
        var response = await finance.GetAsync("/api/reports/year-end/2025.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Description));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single();
        Assert.Equal("年度统计", sheet.Name?.Value);
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        string Text(Row row, int column) => row.Elements<Cell>().ElementAt(column) is var c && c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? "";
        Assert.Contains("2025年度", Text(rows[0], 0));
        Assert.Equal("部门", Text(rows[1], 0));
        var total = rows[^1];
        Assert.Equal(2 + json!.Departments.Count + 1, rows.Count);
        Assert.Equal("合计", Text(total, 0));
        Assert.Equal(json.Total.Projects, int.Parse(Text(total, 1)));
        Assert.Equal(json.Total.Budget, decimal.Parse(Text(total, 3), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(rows[1].Elements<Cell>().Count(), total.Elements<Cell>().Count());
    }

    [Fact]
    public async Task Staff_cannot_report_for_another_department_and_bad_years_are_refused()
    {
        var staff = await factory.ClientForAsync("staff");
        await ProblemAsync(await staff.GetAsync($"/api/reports/year-end/2025.xlsx?department={Uri.EscapeDataString("江北区民政局")}"), HttpStatusCode.Forbidden);
        Assert.True((await ValidationProblemAsync(await staff.GetAsync("/api/reports/year-end/1800"))).Errors.ContainsKey("year"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/reports/year-end/2025.csv")).StatusCode);
    }
}
