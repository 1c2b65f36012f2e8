using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Contracting;
using Assistant.Api.Infrastructure;
using Assistant.Api.Plans;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Bids;

/// <summary>Staff steps of procurement. Each goes through ProjectLifecycle.TryMove: an illegal step is a 422 with the reason.</summary>
public static class ProcurementApi
{
    public static IEndpointRouteBuilder MapProcurementApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}").WithTags("Procurement").RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapPost("/publish", Publish);
        group.MapPost("/open-bidding", OpenBidding);
        group.MapPost("/close-bidding", CloseBidding);
        group.MapPost("/declare-unsuccessful", DeclareUnsuccessful);
        group.MapPost("/cancel", Cancel);
        group.MapPost("/award", AwardApi.Award);
        return app;
    }

    /// <summary>信息公开: discloses the project; deadlines and the method's justification may be set here and are checked against the method's rules.</summary>
    public static async Task<Results<Ok<ProjectDetailsDto>, ValidationProblem, ProblemHttpResult>> Publish(
        string id, PublishProjectRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user,
        IOptions<ProcurementOptions> procurement, CancellationToken ct)
    {
        var (project, problem) = await ProjectSteps.LoadManagedAsync(store, id, user, ct);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow().UtcDateTime;
        if (project!.Status != ProjectStatus.Draft)
            return Problems.Unprocessable("不能发布", $"项目当前为“{project.Status.Label()}”，只有草稿可以发布");
        if (request?.BidDeadline is { } bid) project.BidDeadline = bid.ToUniversalTime();
        if (request?.ClarificationDeadline is { } clarification) project.ClarificationDeadline = clarification.ToUniversalTime();
        if (!string.IsNullOrWhiteSpace(request?.MethodJustification)) project.MethodJustification = request.MethodJustification.Trim();
        project.ClarificationDeadline ??= project.BidDeadline?.AddDays(-3);
        // Both sets of rules speak at once, so staff fix everything in one go: the plan (PublicationRules) and the method's (ProcurementRules).
        var errors = ProcurementRules.PublishErrors(project, now, procurement.Value.For(project.Region));
        if (await PublicationRules.WhyNotPublishableAsync(store, project, ct) is { } notPlanned) errors.Insert(0, notPlanned);
        if (errors.Count > 0)
            return Problems.Unprocessable("不符合发布条件", string.Join("；", errors));
        return await Step(store, audit, project, ProjectStatus.Published, user, now, null, ct, p => p.PublishedAt = now);
    }

    /// <summary>
    /// Opens bidding on a published project once the method's rules still hold (justification recorded where needed,
    /// bidding period long enough from publication to the deadline).
    /// </summary>
    public static async Task<Results<Ok<ProjectDetailsDto>, ValidationProblem, ProblemHttpResult>> OpenBidding(
        string id, OpenBiddingRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user,
        IOptions<ProcurementOptions> procurement, CancellationToken ct)
    {
        if (request?.MethodJustification?.Length > 1000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["MethodJustification"] = ["理由不能超过1000字"] });
        var (project, problem) = await ProjectSteps.LoadManagedAsync(store, id, user, ct);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow().UtcDateTime;
        if (project!.Status == ProjectStatus.Published)
        {
            if (!string.IsNullOrWhiteSpace(request?.MethodJustification)) project.MethodJustification = request.MethodJustification.Trim();
            if (ProcurementRules.PublishErrors(project, now, procurement.Value.For(project.Region)) is { Count: > 0 } errors)
                return Problems.Unprocessable("不能开放投标", string.Join("；", errors));
        }
        return await Step(store, audit, project, ProjectStatus.Bidding, user, now, null, ct);
    }

    /// <summary>Closes bidding once the deadline has passed (the scheduler does the same on its own); never earlier, so no bidder loses time.</summary>
    public static async Task<Results<Ok<ProjectDetailsDto>, ValidationProblem, ProblemHttpResult>> CloseBidding(
        string id, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var (project, problem) = await ProjectSteps.LoadManagedAsync(store, id, user, ct);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow().UtcDateTime;
        if (project!.Status == ProjectStatus.Bidding && project.BidDeadline > now)
            return Problems.Unprocessable("投标尚未截止", $"投标截止时间为{project.BidDeadline:yyyy年M月d日 HH:mm}（UTC），不能提前截止；如需终止请取消项目");
        return await Step(store, audit, project, ProjectStatus.EvaluatingBids, user, now, "投标截止", ct);
    }

    /// <summary>流标: too few valid bids, or none acceptable; the project may then go back to draft and be procured again.</summary>
    public static async Task<Results<Ok<ProjectDetailsDto>, ValidationProblem, ProblemHttpResult>> DeclareUnsuccessful(
        string id, ReasonRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (ReasonError(request) is { } invalid) return invalid;
        var (project, problem) = await ProjectSteps.LoadManagedAsync(store, id, user, ct);
        if (problem is not null) return problem;
        return await Step(store, audit, project!, ProjectStatus.Unsuccessful, user, clock.GetUtcNow().UtcDateTime, request!.Reason!.Trim(), ct);
    }

    public static async Task<Results<Ok<ProjectDetailsDto>, ValidationProblem, ProblemHttpResult>> Cancel(
        string id, ReasonRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (ReasonError(request) is { } invalid) return invalid;
        var (project, problem) = await ProjectSteps.LoadManagedAsync(store, id, user, ct);
        if (problem is not null) return problem;
        return await Step(store, audit, project!, ProjectStatus.Cancelled, user, clock.GetUtcNow().UtcDateTime, request!.Reason!.Trim(), ct);
    }

    private static ValidationProblem? ReasonError(ReasonRequest? request) =>
        string.IsNullOrWhiteSpace(request?.Reason) || request.Reason.Length > 500
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Reason"] = ["请填写原因（不超过500字）"] })
            : null;

    private static async Task<Results<Ok<ProjectDetailsDto>, ValidationProblem, ProblemHttpResult>> Step(
        IDocumentStore store, AuditLog audit, Project project, ProjectStatus to, ClaimsPrincipal user, DateTime now, string? reason,
        CancellationToken ct, Action<Project>? apply = null)
    {
        if (await ProjectSteps.MoveAsync(store, audit, project, to, user.Actor(), now, reason, ct, apply) is { } problem) return problem;
        return TypedResults.Ok(project.AsDetails());
    }
}
