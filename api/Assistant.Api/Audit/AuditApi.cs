using System.Linq.Expressions;
using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Audit;

/// <summary>
/// Reading the audit trail. There is deliberately no endpoint that edits or deletes an event: the trail is insert-only
/// (AuditLog is the only writer).
/// </summary>
public static class AuditApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", Query).WithTags("Audit").RequireAuthorization(AuthSetup.StaffPolicy);
        return app;
    }

    /// <summary>
    /// Events newest first. Finance and admin see everything; purchaser staff see their own department's projects, so
    /// they must name the project.
    /// </summary>
    public static async Task<Results<Ok<PageDto<AuditEventDto>>, ValidationProblem, ProblemHttpResult>> Query(
        ClaimsPrincipal user, IDocumentStore store, CancellationToken ct,
        string? projectId = null, string? entityId = null, int skip = 0, int take = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (skip < 0) errors["skip"] = ["skip 不能为负数"];
        if (take is < 1 or > MaxPageSize) errors["take"] = [$"take 应在 1 到 {MaxPageSize} 之间"];
        if (projectId?.Length > 64) errors["projectId"] = ["项目编号过长"];
        if (entityId?.Length > 200) errors["entityId"] = ["对象编号过长"];
        var seesAll = user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin);
        if (!seesAll && string.IsNullOrWhiteSpace(projectId))
            errors["projectId"] = ["请指定项目编号：采购人员只能查看本部门项目的操作记录"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        Expression<Func<AuditEvent, bool>> filter = e => true;
        if (!string.IsNullOrWhiteSpace(projectId))
        {
            var id = projectId.Trim().ToUpperInvariant();
            var project = await store.Collection<Project>().GetAsync(id, ct);
            if (project is null)
                return Problems.NotFound("项目不存在", $"没有编号为 {projectId} 的项目");
            if (!user.CanManageDepartment(project.Department))
                return Problems.Forbidden("无权查看该项目的操作记录", "只能查看本部门项目的操作记录");
            filter = filter.And(e => e.ProjectId == id);
        }
        if (!string.IsNullOrWhiteSpace(entityId))
        {
            var entity = entityId.Trim();
            filter = filter.And(e => e.EntityId == entity);
        }
        var page = await store.Collection<AuditEvent>().PageAsync(filter, e => e.Id, skip, take, descending: true, ct);
        return TypedResults.Ok(new PageDto<AuditEventDto>(page.Items.Select(AsDto).ToList(), page.Total, skip, take));
    }

    public static AuditEventDto AsDto(AuditEvent e) =>
        new(e.Id, e.At, e.Actor, e.Channel, e.Action, e.EntityType, e.EntityId, e.ProjectId, e.Reason, e.Details);
}
