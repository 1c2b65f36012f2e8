using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Api.Auth;
using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Api.Reports;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Exports;

/// <summary>Exports for finance and staff: evaluations and the year-end table (computed by Reports/) as CSV/XLSX, and the year as an OCDS package.</summary>
public static class ExportsApi
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly JsonSerializerOptions OcdsJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keep Chinese readable in the file (it is served as JSON, never embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/evaluations.{format}", Evaluations);
        group.MapGet("/year-end/{year:int}.{format}", YearEnd);
        group.MapGet("/ocds/{year:int}.json", Ocds);
        return app;
    }

    public static async Task<IResult> Evaluations(string format, ClaimsPrincipal user, IDocumentStore store, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return Problems.NotFound("不支持的导出格式", "可导出 csv 或 xlsx");
        var rows = new List<object?[]>();
        foreach (var e in (await store.Collection<Evaluation>().FindAsync(_ => true, ct: ct)).OrderBy(e => e.ProjectId).ThenBy(e => e.Period))
        {
            var contract = await store.Collection<Contract>().GetAsync(e.ContractId, ct);
            if (contract is null || !user.CanManageDepartment(contract.Department)) continue;
            var project = await store.Collection<Project>().GetAsync(e.ProjectId, ct);
            var provider = await store.Collection<Organisation>().GetAsync(e.OrganisationId, ct);
            rows.Add([e.Id, e.ProjectId, project?.Name, contract.Department, provider?.Name, e.Period, e.PurchaserScore, e.ThirdPartyScore,
                e.RecipientScore, e.RatingCount, e.TooFewRatings, e.CompositeScore, e.Grade?.Label(), e.PaymentReleaseShare, e.PaymentReleased,
                e.RenewalEligible, e.FutureBidPreference, e.BlacklistProposed, e.Published, e.CreatedAt]);
        }
        var table = new Table("绩效评价", ["评价编号", "项目编号", "项目名称", "购买主体", "承接主体", "评价期间", "购买主体评分", "第三方评分",
            "服务对象满意度得分", "评价数", "评价数不足", "综合得分", "等级", "资金拨付比例", "拨付金额（元）", "可续签", "后续评审加分",
            "建议列入黑名单", "已公开", "评价时间"], rows);
        return File(table, format, "evaluations");
    }

    /// <summary>The year-end table of Reports/ (one computation of it), under the exports path the rating side promised.</summary>
    public static async Task<IResult> YearEnd(int year, string format, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock,
        CancellationToken ct, string? department = null, string? region = null) => format switch
    {
        "csv" => await YearEndReportApi.Csv(year, store, user, clock, ct, department, region),
        "xlsx" => await YearEndReportApi.Xlsx(year, store, user, clock, ct, department, region),
        _ => Problems.NotFound("不支持的导出格式", "可导出 csv 或 xlsx"),
    };

    public static async Task<IResult> Ocds(int year, HttpRequest http, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return Problems.NotFound("年度不正确");
        var uri = $"{http.Scheme}://{http.Host}{http.PathBase}/api/exports/ocds/{year}.json";
        var package = await OcdsPackage.BuildAsync(store, year, uri, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Json(package, OcdsJson, "application/json");
    }

    private static FileContentHttpResult File(Table table, string format, string name) => format == "csv"
        ? TypedResults.File(table.ToCsv(), "text/csv; charset=utf-8", $"{name}.csv")
        : TypedResults.File(table.ToXlsx(), Xlsx, $"{name}.xlsx");
}
