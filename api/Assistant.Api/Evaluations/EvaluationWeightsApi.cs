using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Evaluations;

/// <summary>Per-project weights of purchaser, recipients and third party in the composite evaluation (sum 100).</summary>
public static class EvaluationWeightsApi
{
    public static IEndpointRouteBuilder MapEvaluationWeightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projects/{id}/evaluation-weights", Get).WithTags("Evaluations").AllowAnonymous();
        app.MapPut("/api/projects/{id}/evaluation-weights", Put).WithTags("Evaluations")
            .RequireAuthorization(AuthSetup.StaffPolicy).Validated<WeightsRequest>();
        return app;
    }

    public sealed record WeightsRequest(int Purchaser, int Recipients, int ThirdParty) : IValidatable
    {
        public void Validate(ValidationErrors errors)
        {
            if (Purchaser is < 0 or > 100) errors.Add("purchaser", "购买主体权重应在 0 到 100 之间");
            if (Recipients is < 0 or > 100) errors.Add("recipients", "服务对象权重应在 0 到 100 之间");
            if (ThirdParty is < 0 or > 100) errors.Add("thirdParty", "第三方权重应在 0 到 100 之间");
            if (Purchaser + Recipients + ThirdParty != 100)
                errors.Add("weights", $"三方权重之和应为 100，当前为 {Purchaser + Recipients + ThirdParty}");
            if (Purchaser + ThirdParty == 0)
                errors.Add("weights", "购买主体和第三方权重不能同时为 0（服务对象评价不足时需由其承接权重）");
        }
    }

    public static async Task<Results<Ok<EvaluationWeightsDto>, ProblemHttpResult>> Get(
        string id, IDocumentStore store, IOptions<EvaluationOptions> options, CancellationToken ct)
    {
        var project = await store.Collection<Project>().GetAsync(id.Trim().ToUpperInvariant(), ct);
        if (project is null) return Problems.NotFound("项目不存在");
        var w = await WeightsForAsync(store, project.Id, options.Value, ct);
        return TypedResults.Ok(new EvaluationWeightsDto(w.Purchaser, w.Recipients, w.ThirdParty));
    }

    /// <summary>Finance, or staff of the project's own department.</summary>
    public static async Task<Results<Ok<EvaluationWeightsDto>, ProblemHttpResult>> Put(
        string id, WeightsRequest request, ClaimsPrincipal user, IDocumentStore store, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var project = await store.Collection<Project>().GetAsync(id.Trim().ToUpperInvariant(), ct);
        if (project is null) return Problems.NotFound("项目不存在");
        if (!user.CanManageDepartment(project.Department)) return Problems.Forbidden("无权设置该项目的评价权重", "只有财政部门或项目所属部门可以设置");
        var weights = new EvaluationWeights { Purchaser = request.Purchaser, Recipients = request.Recipients, ThirdParty = request.ThirdParty };
        await store.Collection<ProjectEvaluationWeights>().UpsertAsync(new ProjectEvaluationWeights
        {
            Id = project.Id, Weights = weights, UpdatedBy = user.Actor(), UpdatedAt = clock.GetUtcNow().UtcDateTime,
        }, ct);
        await audit.RecordAsync(user.Actor(), "evaluation.weights-set", "project", project.Id, project.Id,
            details: $"purchaser={weights.Purchaser}; recipients={weights.Recipients}; thirdParty={weights.ThirdParty}", ct: ct);
        return TypedResults.Ok(new EvaluationWeightsDto(weights.Purchaser, weights.Recipients, weights.ThirdParty));
    }

    public static async Task<EvaluationWeights> WeightsForAsync(IDocumentStore store, string projectId, EvaluationOptions options, CancellationToken ct) =>
        (await store.Collection<ProjectEvaluationWeights>().GetAsync(projectId, ct))?.Weights ?? options.DefaultWeights;
}
