using Assistant.Api.Tests.Ratings;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Api.Tests.Infrastructure;

using Assistant.Contracts.Api;
using ClosedXML.Excel;

namespace Assistant.Api.Tests.Evaluations;

public sealed class ExportsTests : IClassFixture<RatingsFixture>
{
    private readonly RatingsFixture _factory;
    private static readonly Dictionary<string, decimal> Eighty = new[] { "数量", "质量", "时效", "成本", "社会效益", "经济效益" }.ToDictionary(i => i, _ => 80m);

    public ExportsTests(RatingsFixture factory)
    {
        _factory = factory;
        factory.Clock.Set(DateTimeOffset.UtcNow);
    }

    private async Task<EvaluationDto> EvaluatedAsync(HttpClient staff)
    {
        var (_, contract) = await ServiceFixture.InServiceAsync(_factory.Store, _factory.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(-1));
        var response = await staff.PostAsJsonAsync($"/api/contracts/{contract.Id}/evaluations", new CreateEvaluationRequest("contract", Eighty, Eighty), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EvaluationDto>(Json.Options))!;
    }

    [Fact]
    public async Task Evaluations_export_as_csv_with_bom_and_as_a_workbook_with_the_same_rows()
    {
        var staff = await _factory.ClientForAsync("staff");
        var evaluation = await EvaluatedAsync(staff);

        var csv = await staff.GetAsync("/api/exports/evaluations.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("评价编号,项目编号,项目名称", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(evaluation.Id + ","));
        Assert.Contains(evaluation.GradeLabel, row);

        var xlsx = await staff.GetAsync("/api/exports/evaluations.xlsx");
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("评价编号", sheet.Cell(1, 1).GetString());
        var found = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == evaluation.Id);
        Assert.Equal(evaluation.CompositeScore, found.Cell(12).GetValue<decimal>());
        Assert.Equal(lines.Length, sheet.RowsUsed().Count());
    }

    [Fact]
    public async Task Staff_export_only_their_departments_evaluations_and_the_public_none()
    {
        var staff = await _factory.ClientForAsync("staff");
        await EvaluatedAsync(staff);
        var text = await staff.GetStringAsync("/api/exports/evaluations.csv");
        Assert.DoesNotContain("江北区", text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/exports/evaluations.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _factory.ClientForAsync("org")).GetAsync("/api/exports/evaluations.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/exports/evaluations.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_year_end_export_is_the_reports_year_end_table_in_both_formats()
    {
        var finance = await _factory.ClientForAsync("finance");
        var year = _factory.Clock.GetUtcNow().Year - 1;
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var export = await finance.GetAsync($"/api/exports/year-end/{year}.{format}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var report = await finance.GetAsync($"/api/reports/year-end/{year}.{format}");
            Assert.Equal(report.Content.Headers.ContentType, export.Content.Headers.ContentType);
            if (format == "csv") Assert.Equal(await report.Content.ReadAsStringAsync(), await export.Content.ReadAsStringAsync());
        }
        var csv = await finance.GetStringAsync($"/api/exports/year-end/{year}.csv");
        Assert.Contains("上虞区民政局", csv);
        Assert.Equal(HttpStatusCode.NotFound, (await finance.GetAsync($"/api/exports/year-end/{year}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _factory.ClientForAsync("org")).GetAsync($"/api/exports/year-end/{year}.csv")).StatusCode);
    }

    [Fact]
    public async Task The_ocds_package_has_a_release_per_disclosed_project_of_the_year()
    {
        var finance = await _factory.ClientForAsync("finance");
        var year = _factory.Clock.GetUtcNow().Year - 1;
        var response = await finance.GetAsync($"/api/exports/ocds/{year}.json");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.EndsWith($"/api/exports/ocds/{year}.json", root.GetProperty("uri").GetString());
        Assert.True(root.TryGetProperty("publishedDate", out _));
        var releases = root.GetProperty("releases").EnumerateArray().ToList();
        var projects = (await _factory.Store.Collection<Assistant.Api.Projects.Project>().FindAsync(p => p.Year == year))
            .Where(p => p.Status != Assistant.Contracts.Domain.ProjectStatus.Draft).ToList();
        Assert.Equal(projects.Count, releases.Count);

        var inService = releases.Single(r => r.GetProperty("ocid").GetString() == "ocds-zfgmfw-SY-2025-001");
        Assert.Contains("contract", inService.GetProperty("tag").EnumerateArray().Select(t => t.GetString()));
        var tender = inService.GetProperty("tender");
        Assert.Equal("open", tender.GetProperty("procurementMethod").GetString());
        Assert.Equal("公开招标", tender.GetProperty("procurementMethodDetails").GetString());
        Assert.Equal(640_000m, tender.GetProperty("value").GetProperty("amount").GetDecimal());
        Assert.Equal("CNY", tender.GetProperty("value").GetProperty("currency").GetString());
        Assert.Equal("org-kangle", inService.GetProperty("awards")[0].GetProperty("suppliers")[0].GetProperty("id").GetString());
        Assert.Equal("HT-SY-2025-001", inService.GetProperty("contracts")[0].GetProperty("id").GetString());
        var single = releases.Single(r => r.GetProperty("ocid").GetString() == "ocds-zfgmfw-JB-2025-001");
        Assert.Equal("direct", single.GetProperty("tender").GetProperty("procurementMethod").GetString());
    }
}
