using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Plans;

/// <summary>Finance sets each department's budget line and approves or returns plan items; approval opens a draft project.</summary>
public static class PlanReviewApi
{
    public static RouteGroupBuilder MapPlanReviewApi(this RouteGroupBuilder group)
    {
        group.MapPut("/{department}/{year:int}/budget-line", SetBudgetLine).RequireAuthorization(AuthSetup.FinancePolicy);
        group.MapPost("/{department}/{year:int}/items/{itemId}/approve", Approve).RequireAuthorization(AuthSetup.FinancePolicy);
        group.MapPost("/{department}/{year:int}/items/{itemId}/return", Return).RequireAuthorization(AuthSetup.FinancePolicy);
        return group;
    }

    public static async Task<Results<Ok<PurchasePlanDto>, ValidationProblem, ProblemHttpResult>> SetBudgetLine(
        string department, int year, BudgetLineRequest request, IDocumentStore store, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(department) || department.Length > 100) errors.Add("department", "请填写部门名称（不超过100个字）");
        if (year is < 2000 or > 2100) errors.Add("year", "年份应在2000到2100之间");
        if (request is null || request.Amount < 0) errors.Add("amount", "预算额度不能为负数");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var plan = await store.Collection<PurchasePlan>().GetAsync(PurchasePlan.IdFor(department, year), ct)
                   ?? new PurchasePlan { Id = PurchasePlan.IdFor(department, year), Department = department, Year = year };
        var approved = plan.ApprovedBudget();
        if (request!.Amount < approved)
            return Problems.Conflict("预算额度低于已批准金额", $"已批准事项合计{approved:N0}元，额度不能低于该金额");
        var previous = plan.BudgetLine;
        plan.BudgetLine = request.Amount;
        if (!await PlansApi.SaveAsync(store, plan, ct)) return Problems.Conflict("购买计划刚被他人修改", "请刷新后重试");
        await audit.RecordAsync(user.Actor(), "plan.budget-line.set", "plan", plan.Id, details: $"{previous:0} → {plan.BudgetLine:0}元", ct: ct);
        return TypedResults.Ok(plan.AsDto());
    }

    public static async Task<Results<Ok<PlanItemDto>, ValidationProblem, ProblemHttpResult>> Approve(
        string department, int year, string itemId, IDocumentStore store, AuditLog audit, ClaimsPrincipal user, TimeProvider clock,
        IOptions<ProcurementOptions> options, CancellationToken ct, PlanReviewRequest? request = null)
    {
        var (plan, item, problem) = await FindSubmittedAsync(store, department, year, itemId, ct);
        if (problem is not null) return problem;

        // The catalogue, the negative list or the budget line may have changed since submission: check again.
        var errors = await PlansApi.CheckAsync(store, plan!, item!, options.Value, ct);
        if (!errors.IsEmpty)
            return Problems.Unprocessable("该事项现在不符合批准条件", string.Join("；", errors.ToDictionary().SelectMany(e => e.Value)) + "。请退回并说明理由。");

        var now = clock.GetUtcNow().UtcDateTime;
        var project = await ProjectFromPlan.CreateDraftAsync(store, plan!, item!, options.Value, now, ct);
        item!.Status = PlanItemStatus.Approved;
        item.ProjectId = project.Id;
        item.ReturnReason = null;
        item.Reviews.Add(new PlanItemReview { Outcome = PlanItemStatus.Approved, Reason = Trim(request?.Reason), By = user.Actor(), At = now });
        if (!await store.Collection<PurchasePlan>().ReplaceAsync(plan!, ct))
        {
            // Someone changed the plan meanwhile: undo the draft so no project exists without its approved plan item.
            await store.Collection<Projects.Project>().DeleteAsync(project.Id, ct);
            return Problems.Conflict("购买计划刚被修改", "请刷新后重新审核");
        }
        await audit.RecordAsync(user.Actor(), "plan.item.approved", "plan", $"{plan!.Id}|{item.Id}", project.Id, Trim(request?.Reason), $"{item.Budget:0}元", ct);
        await audit.RecordAsync(user.Actor(), "project.created", "project", project.Id, project.Id, "由批准的购买计划事项生成", $"{plan.Id}|{item.Id}", ct);
        return TypedResults.Ok(item.AsDto());
    }

    public static async Task<Results<Ok<PlanItemDto>, ValidationProblem, ProblemHttpResult>> Return(
        string department, int year, string itemId, PlanReviewRequest request, IDocumentStore store, AuditLog audit,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Require("reason", request?.Reason, "退回理由", 500);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        var (plan, item, problem) = await FindSubmittedAsync(store, department, year, itemId, ct);
        if (problem is not null) return problem;

        var now = clock.GetUtcNow().UtcDateTime;
        var reason = request!.Reason!.Trim();
        item!.Status = PlanItemStatus.Returned;
        item.ReturnReason = reason;
        item.Reviews.Add(new PlanItemReview { Outcome = PlanItemStatus.Returned, Reason = reason, By = user.Actor(), At = now });
        if (!await store.Collection<PurchasePlan>().ReplaceAsync(plan!, ct)) return Problems.Conflict("购买计划刚被修改", "请刷新后重新审核");
        await audit.RecordAsync(user.Actor(), "plan.item.returned", "plan", $"{plan!.Id}|{item.Id}", reason: reason, ct: ct);
        return TypedResults.Ok(item.AsDto());
    }

    private static async Task<(PurchasePlan?, PlanItem?, ProblemHttpResult?)> FindSubmittedAsync(
        IDocumentStore store, string department, int year, string itemId, CancellationToken ct)
    {
        var plan = await store.Collection<PurchasePlan>().GetAsync(PurchasePlan.IdFor(department, year), ct);
        var item = plan?.Item(itemId);
        if (plan is null || item is null)
            return (null, null, Problems.NotFound("计划事项不存在", $"{department}{year}年度购买计划中没有事项 {itemId}"));
        return item.Status switch
        {
            PlanItemStatus.Approved => (plan, item, Problems.Conflict("该事项已批准", $"已生成项目 {item.ProjectId}")),
            PlanItemStatus.Returned => (plan, item, Problems.Conflict("该事项已退回", "等待部门修改后重新提交")),
            _ => (plan, item, null),
        };
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(500, s.Trim().Length)];
}
