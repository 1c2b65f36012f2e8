using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Api.Projects;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Bids;

/// <summary>The shared shape of a staff step on a project: load, check the department, move through the lifecycle, save, audit.</summary>
public static class ProjectSteps
{
    public static Task<Project?> FindAsync(IDocumentStore store, string id, CancellationToken ct) =>
        store.Collection<Project>().GetAsync(id.Trim().ToUpperInvariant(), ct);

    /// <summary>The project if the user manages its department; otherwise the 404/403 to return.</summary>
    public static async Task<(Project? Project, ProblemHttpResult? Problem)> LoadManagedAsync(
        IDocumentStore store, string id, ClaimsPrincipal user, CancellationToken ct)
    {
        var project = await FindAsync(store, id, ct);
        if (project is null || !ProjectsApi.IsVisible(project, user))
            return (null, Problems.NotFound("项目不存在", $"没有编号为 {id} 的项目"));
        if (!user.CanManageDepartment(project.Department))
            return (null, Problems.Forbidden("无权操作该项目", $"只有{project.Department}的工作人员或财政部门可以操作该项目"));
        return (project, null);
    }

    /// <summary>Moves the project (422 with the lifecycle's Chinese reason if illegal), applies the change, saves (409 on a concurrent edit) and audits.</summary>
    public static async Task<ProblemHttpResult?> MoveAsync(
        IDocumentStore store, AuditLog audit, Project project, ProjectStatus to, string actor, DateTime now, string? reason,
        CancellationToken ct, Action<Project>? apply = null)
    {
        var from = project.Status;
        if (!ProjectLifecycle.TryMove(project, to, actor, now, reason, out var error))
            return Problems.Unprocessable("不能变更项目状态", error);
        apply?.Invoke(project);
        if (!await store.Collection<Project>().ReplaceAsync(project, ct))
            return Problems.Conflict("项目刚被他人修改", "请刷新后重试");
        await audit.RecordAsync(actor, "project.transition", "project", project.Id, project.Id, reason, $"{from} → {to}", ct);
        return null;
    }
}
