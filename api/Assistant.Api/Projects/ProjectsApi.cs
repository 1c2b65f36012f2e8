using System.Linq.Expressions;
using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Contracts.Text;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Projects;

public static class ProjectsApi
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("Projects");
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        return app;
    }

    /// <summary>Disclosed projects, filtered and paged. Drafts are visible only to the staff who manage them.</summary>
    public static async Task<Results<Ok<PageDto<ProjectSummaryDto>>, ValidationProblem>> List(
        IDocumentStore store, ClaimsPrincipal user, CancellationToken ct,
        string? q = null, string? region = null, string? category = null, string? status = null,
        string? department = null, int skip = 0, int take = 20)
    {
        var errors = new Dictionary<string, string[]>();
        ProjectStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<ProjectStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)) statusFilter = parsed;
            else errors["status"] = [$"未知的项目状态“{status}”，可选：{string.Join(", ", Enum.GetNames<ProjectStatus>())}"];
        }
        if (skip < 0) errors["skip"] = ["skip 不能为负数"];
        if (take is < 1 or > MaxPageSize) errors["take"] = [$"take 应在 1 到 {MaxPageSize} 之间"];
        if (q?.Length > 100) errors["q"] = ["搜索词不能超过100个字"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var filter = Visible(user);
        if (statusFilter is { } s) filter = filter.And(p => p.Status == s);
        if (!string.IsNullOrWhiteSpace(region)) filter = filter.And(p => p.Region == region);
        if (!string.IsNullOrWhiteSpace(department)) filter = filter.And(p => p.Department == department);
        if (!string.IsNullOrWhiteSpace(category)) filter = filter.And(p => p.CatalogueCode == category || p.Category == category);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = ChineseScript.ToSimplified(q.Trim());
            filter = filter.And(p => p.SearchText.Contains(text) || p.Id == q.Trim().ToUpper());
        }
        var page = await store.Collection<Project>().PageAsync(filter, p => p.CreatedAt, skip, take, descending: true, ct);
        return TypedResults.Ok(new PageDto<ProjectSummaryDto>(page.Items.Select(p => p.AsSummary()).ToList(), page.Total, skip, take));
    }

    public static async Task<Results<Ok<ProjectDetailsDto>, ProblemHttpResult>> Get(
        string id, IDocumentStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var project = await store.Collection<Project>().GetAsync(id.Trim().ToUpperInvariant(), ct);
        if (project is null || !IsVisible(project, user))
            return Problems.NotFound("项目不存在", $"没有编号为 {id} 的公开项目");
        return TypedResults.Ok(project.AsDetails());
    }

    public static bool IsVisible(Project project, ClaimsPrincipal user) =>
        project.Status != ProjectStatus.Draft || user.CanManageDepartment(project.Department);

    private static Expression<Func<Project, bool>> Visible(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin)) return p => true;
        if (user.IsInRole(Roles.PurchaserStaff) && user.Department() is { } department)
            return p => p.Status != ProjectStatus.Draft || p.Department == department;
        return p => p.Status != ProjectStatus.Draft;
    }
}
