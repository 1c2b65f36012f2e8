using System.Security.Claims;
using System.Text.RegularExpressions;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Text;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Catalogue;

/// <summary>
/// 动态调整: finance adds items, changes them (a new version effective from a date) and retires them.
/// Versions are never overwritten, so an answer about a past year still uses the version in force then.
/// </summary>
public static partial class CatalogueMaintenanceApi
{
    public static IEndpointRouteBuilder MapCatalogueMaintenanceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue/items").WithTags("Catalogue");
        group.MapGet("/{code}/versions", Versions);
        group.MapPost("/", Add).RequireAuthorization(AuthSetup.FinancePolicy);
        group.MapPut("/{code}", Change).RequireAuthorization(AuthSetup.FinancePolicy);
        group.MapPost("/{code}/retire", Retire).RequireAuthorization(AuthSetup.FinancePolicy);
        return app;
    }

    public static async Task<Results<Ok<List<CatalogueVersionDto>>, ProblemHttpResult>> Versions(string code, IDocumentStore store, CancellationToken ct)
    {
        var versions = await VersionsOf(store, code, ct);
        return versions.Count == 0
            ? Problems.NotFound("目录项不存在", $"没有编码为 {code} 的目录项")
            : TypedResults.Ok(versions.Select(AsVersion).ToList());
    }

    public static async Task<Results<Created<CatalogueVersionDto>, ValidationProblem, ProblemHttpResult>> Add(
        CatalogueItemRequest request, IDocumentStore store, AuditLog audit, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Code) || !CodePattern().IsMatch(request.Code.Trim()))
            errors.Add("code", "目录编码应为2到20位字母、数字或连字符，如 A0701");
        ValidateTexts(request, errors, required: true);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var code = request.Code!.Trim().ToUpperInvariant();
        if ((await VersionsOf(store, code, ct)).Count > 0)
            return Problems.Conflict("目录编码已存在", $"{code} 已在目录中，修改请用 PUT /api/catalogue/items/{code}");
        var effective = EffectiveDate(request.EffectiveFrom, clock);
        var item = new CatalogueItem
        {
            Id = VersionId(code, effective), Code = code, Category = request.Category!.Trim(), Subcategory = request.Subcategory!.Trim(),
            Name = request.Name!.Trim(), Description = request.Description?.Trim() ?? "", Keywords = Clean(request.Keywords),
            RatingDimensions = Clean(request.RatingDimensions), EffectiveFrom = effective, Year = effective.Year,
        };
        await store.Collection<CatalogueItem>().InsertAsync(item, ct);
        await audit.RecordAsync(user.Actor(), "catalogue.added", "catalogue", item.Id, reason: request.Reason, details: item.Name, ct: ct);
        return TypedResults.Created($"/api/catalogue/items/{code}/versions", AsVersion(item));
    }

    /// <summary>A new version from its effective date; fields left empty keep the previous version's value.</summary>
    public static async Task<Results<Ok<CatalogueVersionDto>, ValidationProblem, ProblemHttpResult>> Change(
        string code, CatalogueItemRequest request, IDocumentStore store, AuditLog audit, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ValidateTexts(request, errors, required: false);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        var versions = await VersionsOf(store, code, ct);
        if (versions.Count == 0) return Problems.NotFound("目录项不存在", $"没有编码为 {code} 的目录项");

        var latest = versions[^1];
        var effective = EffectiveDate(request.EffectiveFrom, clock);
        if (effective <= latest.EffectiveFrom)
            return Problems.Conflict("生效日期须晚于现行版本", $"{latest.Code} 现行版本自{latest.EffectiveFrom:yyyy-MM-dd}起生效，新版本须晚于该日期");
        var item = new CatalogueItem
        {
            Id = VersionId(latest.Code, effective), Code = latest.Code,
            Category = Pick(request.Category, latest.Category), Subcategory = Pick(request.Subcategory, latest.Subcategory),
            Name = Pick(request.Name, latest.Name), Description = Pick(request.Description, latest.Description),
            Keywords = request.Keywords is null ? [.. latest.Keywords] : Clean(request.Keywords),
            RatingDimensions = request.RatingDimensions is null ? [.. latest.RatingDimensions] : Clean(request.RatingDimensions),
            EffectiveFrom = effective, Year = effective.Year,
        };
        await store.Collection<CatalogueItem>().InsertAsync(item, ct);
        await audit.RecordAsync(user.Actor(), "catalogue.changed", "catalogue", item.Id, reason: request.Reason,
            details: $"{latest.Id} → {item.Id}", ct: ct);
        return TypedResults.Ok(AsVersion(item));
    }

    public static async Task<Results<Ok<CatalogueVersionDto>, ValidationProblem, ProblemHttpResult>> Retire(
        string code, CatalogueRetireRequest request, IDocumentStore store, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.EffectiveDate is null) errors.Add("effectiveDate", "请填写退出目录的生效日期");
        errors.Require("reason", request.Reason, "退出目录的理由", 500);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        var versions = await VersionsOf(store, code, ct);
        if (versions.Count == 0) return Problems.NotFound("目录项不存在", $"没有编码为 {code} 的目录项");

        var date = DateOnlyUtc(request.EffectiveDate!.Value);
        var current = versions.LastOrDefault(v => v.EffectiveFrom < date);
        if (current is null)
            return Problems.Conflict("该日期目录项尚未生效", $"{code} 在{date:yyyy-MM-dd}前没有生效的版本");
        if (versions.Any(v => v.EffectiveFrom >= date))
            return Problems.Conflict("该日期之后已有新版本", $"{code} 在{date:yyyy-MM-dd}之后已有新版本，不能在此日期退出");
        if (current.RetiredOn is { } retired && retired <= date)
            return Problems.Conflict("目录项已退出", $"{code} 已于{retired:yyyy-MM-dd}退出目录");
        current.RetiredOn = date;
        if (!await store.Collection<CatalogueItem>().ReplaceAsync(current, ct))
            return Problems.Conflict("目录项刚被修改", "请刷新后重试");
        await audit.RecordAsync(user.Actor(), "catalogue.retired", "catalogue", current.Id, reason: request.Reason!.Trim(),
            details: $"自{date:yyyy-MM-dd}起退出", ct: ct);
        return TypedResults.Ok(AsVersion(current));
    }

    private static async Task<IReadOnlyList<CatalogueItem>> VersionsOf(IDocumentStore store, string code, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        return await store.Collection<CatalogueItem>().FindAsync(i => i.Code == normalised, orderBy: i => i.EffectiveFrom, ct: ct);
    }

    private static void ValidateTexts(CatalogueItemRequest r, ValidationErrors errors, bool required)
    {
        if (required || r.Category is not null) errors.Require("category", r.Category, "一级目录", 50);
        if (required || r.Subcategory is not null) errors.Require("subcategory", r.Subcategory, "二级目录", 50);
        if (required || r.Name is not null) errors.Require("name", r.Name, "目录项名称", 100);
        if (r.Description?.Length > 1000) errors.Add("description", "说明不能超过1000个字");
        if (r.Keywords?.Count > 30) errors.Add("keywords", "关键词最多30个");
        if (r.Reason?.Length > 500) errors.Add("reason", "理由不能超过500个字");
        if (r.EffectiveFrom is { Year: < 2000 or > 2100 }) errors.Add("effectiveFrom", "生效日期应在2000年到2100年之间");
        var excluded = ExcludedMatters.Match(ChineseScript.ToSimplified($"{r.Name} {r.Description}"));
        if (excluded is not null) errors.Add("name", $"该事项属于负面清单“{excluded.Name}”，不得列入指导目录");
    }

    // Yearly versions keep the short id the seed data uses ("A0101@2026"); mid-year versions carry their date.
    private static string VersionId(string code, DateTime effective) =>
        effective is { Month: 1, Day: 1 } ? $"{code}@{effective.Year}" : $"{code}@{effective:yyyy-MM-dd}";

    private static DateTime EffectiveDate(DateTime? requested, TimeProvider clock) => DateOnlyUtc(requested ?? clock.GetUtcNow().UtcDateTime);

    private static DateTime DateOnlyUtc(DateTime d) => DateTime.SpecifyKind(d.Date, DateTimeKind.Utc);

    private static string Pick(string? requested, string previous) => string.IsNullOrWhiteSpace(requested) ? previous : requested.Trim();

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList() ?? [];

    private static CatalogueVersionDto AsVersion(CatalogueItem i) => new(i.Id, i.Code, i.Name, i.Category, i.Subcategory, i.EffectiveFrom, i.RetiredOn);

    [GeneratedRegex("^[A-Za-z0-9-]{2,20}$")]
    private static partial Regex CodePattern();
}
