using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Api.Plans;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Projects;

/// <summary>信息公开: a draft becomes published only with an approved plan item and budget (PublicationRules).</summary>
public static class ProjectPublicationApi
{
    public static IEndpointRouteBuilder MapProjectPublicationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/projects/{id}/publish", Publish).WithTags("Projects").RequireAuthorization(AuthSetup.StaffPolicy);
        return app;
    }

    public static async Task<Results<Ok<ProjectDetailsDto>, ProblemHttpResult>> Publish(
        string id, IDocumentStore store, AuditLog audit, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var project = await store.Collection<Project>().GetAsync(id.Trim().ToUpperInvariant(), ct);
        if (project is null || !user.CanManageDepartment(project.Department))
            return Problems.NotFound("项目不存在", $"没有编号为 {id} 的本部门项目");
        if (await PublicationRules.WhyNotPublishableAsync(store, project, ct) is { } reason)
            return Problems.Unprocessable("项目不能发布", reason);

        var now = clock.GetUtcNow().UtcDateTime;
        if (!ProjectLifecycle.TryMove(project, ProjectStatus.Published, user.Actor(), now, "信息公开", out var error))
            return Problems.Unprocessable("项目不能发布", error);
        project.PublishedAt = now;
        if (!await store.Collection<Project>().ReplaceAsync(project, ct))
            return Problems.Conflict("项目刚被修改", "请刷新后重试");
        await audit.RecordAsync(user.Actor(), "project.published", "project", project.Id, project.Id, details: $"计划事项 {project.PlanItemId}", ct: ct);
        return TypedResults.Ok(project.AsDetails());
    }
}
