using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Plans;

/// <summary>Purchaser departments submit and revise their annual purchase plans; staff see where review stands.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Plans").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/", List);
        group.MapGet("/summary", Summary);
        group.MapPost("/{year:int}/items", Submit);
        group.MapPut("/{department}/{year:int}/items/{itemId}", Resubmit);
        group.MapPlanReviewApi();
        return app;
    }

    public static async Task<Results<Ok<List<PurchasePlanDto>>, ValidationProblem, ProblemHttpResult>> List(
        IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct, int? year = null, string? department = null)
    {
        var scope = StaffScope.Resolve(user, clock, year, department);
        if (scope.Invalid is not null) return scope.Invalid;
        if (scope.Forbidden is not null) return scope.Forbidden;
        var plans = await LoadAsync(store, scope.Year, scope.Department, ct);
        return TypedResults.Ok(plans.Select(p => p.AsDto()).ToList());
    }

    public static async Task<Results<Ok<PlanSummaryDto>, ValidationProblem, ProblemHttpResult>> Summary(
        IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct, int? year = null, string? department = null)
    {
        var scope = StaffScope.Resolve(user, clock, year, department);
        if (scope.Invalid is not null) return scope.Invalid;
        if (scope.Forbidden is not null) return scope.Forbidden;
        var plans = await LoadAsync(store, scope.Year, scope.Department, ct);
        return TypedResults.Ok(PlanSummary.For(scope.Year, scope.Department, plans));
    }

    private static async Task<IReadOnlyList<PurchasePlan>> LoadAsync(IDocumentStore store, int year, string? department, CancellationToken ct)
    {
        if (department is null)
            return await store.Collection<PurchasePlan>().FindAsync(p => p.Year == year, orderBy: p => p.Department, ct: ct);
        var plan = await store.Collection<PurchasePlan>().GetAsync(PurchasePlan.IdFor(department, year), ct);
        return plan is null ? [] : [plan];
    }

    public static async Task<Results<Created<PlanItemDto>, ValidationProblem, ProblemHttpResult>> Submit(
        int year, PlanItemRequest request, IDocumentStore store, AuditLog audit, ClaimsPrincipal user, TimeProvider clock,
        IOptions<ProcurementOptions> options, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.PurchaserStaff) || user.Department() is not { } department)
            return Problems.Forbidden("仅购买主体工作人员可提交本部门的购买计划");
        var errors = new ValidationErrors();
        if (year is < 2000 or > 2100) errors.Add("year", "年份应在2000到2100之间");
        if (request is null) errors.Add("body", "请求内容为空或格式不正确");
        else PlanChecks.ValidateShape(request, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var plan = await store.Collection<PurchasePlan>().GetAsync(PurchasePlan.IdFor(department, year), ct)
                   ?? new PurchasePlan { Id = PurchasePlan.IdFor(department, year), Department = department, Year = year };
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new PlanItem { Id = plan.NextItemId(), CatalogueCode = "", Name = "", Status = PlanItemStatus.Submitted };
        Apply(item, request!, user);
        errors = await CheckAsync(store, plan, item, options.Value, ct);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        item.SubmittedBy = user.Actor();
        item.SubmittedAt = now;
        item.Reviews.Add(new PlanItemReview { Outcome = PlanItemStatus.Submitted, By = user.Actor(), At = now });
        plan.Items.Add(item);
        if (!await SaveAsync(store, plan, ct)) return Problems.Conflict("购买计划刚被他人修改", "请刷新后重新提交");
        await audit.RecordAsync(user.Actor(), "plan.item.submitted", "plan", $"{plan.Id}|{item.Id}", details: $"{item.Name} {item.Budget:0}元 {item.Method.Label()}", ct: ct);
        return TypedResults.Created($"/api/plans?year={year}", item.AsDto());
    }

    /// <summary>The department revises an item (after it was returned, or before review) and sends it back to finance.</summary>
    public static async Task<Results<Ok<PlanItemDto>, ValidationProblem, ProblemHttpResult>> Resubmit(
        string department, int year, string itemId, PlanItemRequest request, IDocumentStore store, AuditLog audit,
        ClaimsPrincipal user, TimeProvider clock, IOptions<ProcurementOptions> options, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.PurchaserStaff) || user.Department() != department)
            return Problems.Forbidden("只能修改本部门的购买计划");
        var errors = new ValidationErrors();
        if (request is null) errors.Add("body", "请求内容为空或格式不正确");
        else PlanChecks.ValidateShape(request, errors);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var plan = await store.Collection<PurchasePlan>().GetAsync(PurchasePlan.IdFor(department, year), ct);
        var item = plan?.Item(itemId);
        if (plan is null || item is null) return Problems.NotFound("计划事项不存在", $"{department}{year}年度购买计划中没有事项 {itemId}");
        if (item.Status == PlanItemStatus.Approved)
            return Problems.Conflict("该事项已批准，不能再修改", $"已生成项目 {item.ProjectId}，如需调整请联系财政部门");

        var wasReturned = item.Status == PlanItemStatus.Returned;
        Apply(item, request!, user);
        errors = await CheckAsync(store, plan, item, options.Value, ct);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var now = clock.GetUtcNow().UtcDateTime;
        item.Status = PlanItemStatus.Submitted;
        item.ReturnReason = null;
        item.SubmittedAt = now;
        item.Reviews.Add(new PlanItemReview { Outcome = PlanItemStatus.Submitted, Reason = wasReturned ? "修改后重新提交" : "提交后修改", By = user.Actor(), At = now });
        if (!await SaveAsync(store, plan, ct)) return Problems.Conflict("购买计划刚被他人修改", "请刷新后重新提交");
        await audit.RecordAsync(user.Actor(), "plan.item.resubmitted", "plan", $"{plan.Id}|{item.Id}", details: $"{item.Name} {item.Budget:0}元 {item.Method.Label()}", ct: ct);
        return TypedResults.Ok(item.AsDto());
    }

    internal static async Task<ValidationErrors> CheckAsync(IDocumentStore store, PurchasePlan plan, PlanItem item, ProcurementOptions options, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        await PlanChecks.CheckAgainstRulesAsync(store, plan, item, errors, ct);
        PlanChecks.CheckMethod(item.Budget, item.Method, item.MethodJustification, options.For(item.Region), errors);
        return errors;
    }

    internal static Task<bool> SaveAsync(IDocumentStore store, PurchasePlan plan, CancellationToken ct) =>
        plan.Version == 0 ? InsertAsync(store, plan, ct) : store.Collection<PurchasePlan>().ReplaceAsync(plan, ct);

    private static async Task<bool> InsertAsync(IDocumentStore store, PurchasePlan plan, CancellationToken ct)
    {
        try { await store.Collection<PurchasePlan>().InsertAsync(plan, ct); return true; }
        catch (DuplicateKeyException) { return false; }
    }

    private static void Apply(PlanItem item, PlanItemRequest r, ClaimsPrincipal user)
    {
        item.CatalogueCode = r.CatalogueCode!.Trim().ToUpperInvariant();
        item.Name = r.Name!.Trim();
        item.Content = r.Content?.Trim() ?? "";
        item.Budget = r.Budget;
        item.Method = r.Method!.Value;
        item.MethodJustification = string.IsNullOrWhiteSpace(r.MethodJustification) ? null : r.MethodJustification.Trim();
        item.PerformanceTargets = r.PerformanceTargets!.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        item.Region = string.IsNullOrWhiteSpace(r.Region) ? user.FindFirstValue(AssistantClaims.Region) ?? "" : r.Region.Trim();
    }
}
