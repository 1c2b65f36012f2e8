using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Contracting;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Evaluations;

public static class EvaluationsApi
{
    public static WebApplicationBuilder AddEvaluations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section);
        return builder;
    }

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        app.MapEvaluationWeightsApi();
        app.MapPost("/api/contracts/{id}/evaluations", Create).WithTags("Evaluations")
            .RequireAuthorization(AuthSetup.StaffPolicy).Validated<CreateEvaluation>();
        app.MapGet("/api/contracts/{id}/evaluations", ListForContract).WithTags("Evaluations").RequireAuthorization();
        app.MapGet("/api/evaluations/pending", PendingEvaluations.List).WithTags("Evaluations").RequireAuthorization(AuthSetup.StaffPolicy);
        app.MapPost("/api/evaluations/{id}/publish", Publish).WithTags("Evaluations").RequireAuthorization(AuthSetup.FinancePolicy);
        return app;
    }

    /// <summary>Computes the composite evaluation of one contract for one period and applies its consequences.</summary>
    public static async Task<Results<Created<EvaluationDto>, ValidationProblem, ProblemHttpResult>> Create(
        string id, CreateEvaluation request, ClaimsPrincipal user, IDocumentStore store, IOptions<EvaluationOptions> options,
        AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var contract = await store.Collection<Contract>().GetAsync(id.Trim(), ct);
        if (contract is null || !user.CanManageDepartment(contract.Department)) return Problems.NotFound("合同不存在", $"没有编号为 {id} 的本部门合同");
        var project = await store.Collection<Project>().GetAsync(contract.ProjectId, ct);
        if (project?.Status is not (ProjectStatus.InService or ProjectStatus.Evaluated))
            return Problems.Unprocessable("当前不能开展绩效评价", $"项目当前为“{project?.Status.Label()}”，服务开始后才能评价");

        var period = EvaluationPeriod.Parse(request.Period, contract.PeriodStart, contract.PeriodEnd);
        var weights = await EvaluationWeightsApi.WeightsForAsync(store, project.Id, options.Value, ct);
        var errors = new ValidationErrors();
        if (period is null) errors.Add("period", "评价期间格式应为 2025、2025-H1、2025-Q3、2025-07 或 contract");
        if (weights.Purchaser > 0) CreateEvaluation.RequireAll(errors, "purchaserIndicators", request.PurchaserIndicators, "购买主体");
        if (weights.ThirdParty > 0) CreateEvaluation.RequireAll(errors, "thirdPartyIndicators", request.ThirdPartyIndicators, "第三方");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (weights.Purchaser + weights.Recipients + weights.ThirdParty != 100)
            return Problems.Unprocessable("评价权重配置有误", "三方权重之和不为 100，请先设置项目的评价权重");

        var (contractId, start, end) = (contract.Id, period!.Start, period.End);
        var counted = (await store.Collection<Rating>().FindAsync(
                r => r.ContractId == contractId && !r.Voided && r.SubmittedAt >= start && r.SubmittedAt < end, ct: ct))
            .Where(r => r.RatesRectificationCaseId is null).Select(r => r.Score).ToList();
        EvaluationResult result;
        try
        {
            result = EvaluationCalculator.Compute(new EvaluationInput(weights, request.PurchaserIndicators ?? [],
                request.ThirdPartyIndicators ?? [], counted, request.FraudFound), options.Value);
        }
        catch (InvalidOperationException)
        {
            return Problems.Unprocessable("服务对象评价数量不足", $"期间内有效评价 {counted.Count} 条，少于 {options.Value.MinimumRatings} 条，且没有其他评价主体可以承接权重");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var evaluation = NewEvaluation(contract, period, weights, request, result, options.Value, now, user.Actor());
        try
        {
            await store.Collection<Evaluation>().InsertAsync(evaluation, ct);
        }
        catch (DuplicateKeyException)
        {
            return Problems.Conflict("该期间已评价", $"合同 {contract.Id} 的 {period.Name} 绩效评价已经完成，不能重复评价");
        }
        await audit.RecordAsync(user.Actor(), "evaluation.created", "evaluation", evaluation.Id, project.Id,
            details: $"composite={result.Composite}; grade={result.Grade}; ratings={result.RatingCount}; tooFew={result.TooFewRatings}", ct: ct);
        await EvaluationConsequences.ApplyAsync(evaluation, project, user.Actor(), store, audit, now, ct);
        var provider = await store.Collection<Organisation>().GetAsync(contract.OrganisationId, ct);
        return TypedResults.Created($"/api/evaluations/{evaluation.Id}", evaluation.AsDto(project.Name, provider?.Name ?? ""));
    }

    internal static Evaluation NewEvaluation(Contract contract, EvaluationPeriod period, EvaluationWeights weights, CreateEvaluation request,
        EvaluationResult result, EvaluationOptions options, DateTime now, string actor) => new()
    {
        Id = $"PJ-{contract.Id}-{period.Name}", ContractId = contract.Id, ProjectId = contract.ProjectId, OrganisationId = contract.OrganisationId,
        Period = period.Name, PeriodStart = period.Start, PeriodEnd = period.End, Weights = weights, AppliedWeights = result.Applied,
        PurchaserIndicators = request.PurchaserIndicators ?? [], ThirdPartyIndicators = request.ThirdPartyIndicators ?? [],
        PurchaserScore = result.PurchaserScore, ThirdPartyScore = result.ThirdPartyScore, RecipientScore = result.RecipientScore,
        RatingCount = result.RatingCount, MinimumRatings = options.MinimumRatings, TooFewRatings = result.TooFewRatings,
        CompositeScore = result.Composite, Grade = result.Grade, PaymentReleaseShare = result.PaymentReleaseShare,
        PaymentReleased = Math.Round(contract.PaymentSchedule.Where(p => p.DependsOnEvaluation).Sum(p => p.Amount) * result.PaymentReleaseShare, 2),
        RenewalEligible = result.RenewalEligible, FutureBidPreference = result.BidPreference, FraudFound = request.FraudFound,
        BlacklistProposed = result.BlacklistProposed, Final = period.End >= contract.PeriodEnd.Date, CreatedAt = now, CreatedBy = actor,
    };

    public static async Task<Results<Ok<List<EvaluationDto>>, ProblemHttpResult>> ListForContract(
        string id, ClaimsPrincipal user, IDocumentStore store, CancellationToken ct)
    {
        var contract = await store.Collection<Contract>().GetAsync(id.Trim(), ct);
        if (contract is null || !(user.CanManageDepartment(contract.Department) || user.OrganisationId() == contract.OrganisationId))
            return Problems.NotFound("合同不存在");
        var project = await store.Collection<Project>().GetAsync(contract.ProjectId, ct);
        var provider = await store.Collection<Organisation>().GetAsync(contract.OrganisationId, ct);
        var contractId = contract.Id;
        var list = await store.Collection<Evaluation>().FindAsync(e => e.ContractId == contractId, e => e.CreatedAt, ct: ct);
        return TypedResults.Ok(list.Select(e => e.AsDto(project?.Name ?? "", provider?.Name ?? "")).ToList());
    }

    /// <summary>Finance publishes the result (信息公开); from then on it is on the public disclosure endpoints.</summary>
    public static async Task<Results<Ok<EvaluationDto>, ProblemHttpResult>> Publish(
        string id, ClaimsPrincipal user, IDocumentStore store, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var evaluations = store.Collection<Evaluation>();
        var evaluation = await evaluations.GetAsync(id, ct);
        if (evaluation is null) return Problems.NotFound("绩效评价不存在");
        if (evaluation.Published) return Problems.Conflict("已公开", $"该绩效评价已于 {evaluation.PublishedAt:yyyy-MM-dd} 公开");
        evaluation.Published = true;
        evaluation.PublishedAt = clock.GetUtcNow().UtcDateTime;
        evaluation.PublishedBy = user.Actor();
        if (!await evaluations.ReplaceAsync(evaluation, ct)) return Problems.Conflict("绩效评价已被他人修改，请重试");
        await audit.RecordAsync(user.Actor(), "evaluation.published", "evaluation", evaluation.Id, evaluation.ProjectId, ct: ct);
        var project = await store.Collection<Project>().GetAsync(evaluation.ProjectId, ct);
        var provider = await store.Collection<Organisation>().GetAsync(evaluation.OrganisationId, ct);
        return TypedResults.Ok(evaluation.AsDto(project?.Name ?? "", provider?.Name ?? ""));
    }
}
