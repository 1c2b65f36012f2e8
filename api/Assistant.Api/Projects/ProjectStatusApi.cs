using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Api.Ratings;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Projects;

/// <summary>Where a project stands, for chat status answers; and the staff lists of projects running late.</summary>
public static class ProjectStatusApi
{
    public static IEndpointRouteBuilder MapProjectStatusApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects").WithTags("Projects");
        group.MapGet("/{id}/status", Get);
        group.MapGet("/overdue-award", OverdueAward).RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapGet("/pending-evaluation", PendingEvaluation).RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapPost("/{id}/deadline", BidDeadlineApi.Extend).RequireAuthorization().Validated<BidDeadlineApi.ExtendRequest>();
        return app;
    }

    /// <summary>Stage, key dates, next step, and open 差评 cases: counts for everyone, the cases for staff managing the project.</summary>
    public static async Task<Results<Ok<ProjectStatusDto>, ProblemHttpResult>> Get(
        string id, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var project = await store.Collection<Project>().GetAsync(id.Trim().ToUpperInvariant(), ct);
        if (project is null || !ProjectsApi.IsVisible(project, user))
            return Problems.NotFound("项目不存在", $"没有编号为 {id} 的公开项目");
        return TypedResults.Ok(await StatusOf(project, store, user, clock.GetUtcNow().UtcDateTime, ct));
    }

    public static async Task<ProjectStatusDto> StatusOf(Project project, IDocumentStore store, ClaimsPrincipal user, DateTime now, CancellationToken ct)
    {
        var open = await store.Collection<RectificationCase>()
            .FindAsync(c => c.ProjectId == project.Id && c.Status == RectificationStatus.Open, orderBy: c => c.DueAt, ct: ct);
        var organisation = user.IsInRole(Roles.Organisation) ? user.OrganisationId() : null;
        var listed = user.CanManageDepartment(project.Department) ? open
            : organisation is not null ? open.Where(c => c.OrganisationId == organisation).ToList()
            : null;
        var (nextStep, actor) = ProjectLifecycle.NextStep(project.Status);
        return new ProjectStatusDto(project.Id, project.Name, project.Department, project.Status, project.Status.Label(), nextStep, actor,
            new KeyDatesDto(project.PublishedAt, project.ClarificationDeadline, project.BidDeadline, project.AwardedAt,
                project.ServiceStart, project.ServiceEnd, project.EvaluationDue),
            open.Count, open.Count(c => c.IsOverdue(now)),
            listed?.Select(c => new OpenRectificationDto(c.Id, c.OrganisationId, c.OpenedAt, c.DueAt, c.IsOverdue(now))).ToList());
    }

    /// <summary>Projects past their bid deadline and not yet awarded (purchaser staff: their department's).</summary>
    public static async Task<Ok<List<OverdueAwardDto>>> OverdueAward(ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Expression<Func<Project, bool>> filter = p => p.BidDeadline != null && p.BidDeadline < now &&
            (p.Status == ProjectStatus.Published || p.Status == ProjectStatus.Bidding || p.Status == ProjectStatus.EvaluatingBids);
        filter = filter.And(DepartmentScope(user));
        var projects = await store.Collection<Project>().FindAsync(filter, orderBy: p => p.BidDeadline!, ct: ct);
        return TypedResults.Ok(projects.Select(p => new OverdueAwardDto(p.Id, p.Name, p.Department, p.Status, p.Status.Label(),
            p.BidDeadline!.Value, (int)(now - p.BidDeadline.Value).TotalDays)).ToList());
    }

    /// <summary>
    /// Performance evaluations due by the end of the month (yyyy-MM, default this month) and not yet done; earlier ones
    /// still not done are included and flagged overdue.
    /// </summary>
    public static async Task<Results<Ok<List<EvaluationDueDto>>, ValidationProblem>> PendingEvaluation(
        ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct, string? month = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var start = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!DateTime.TryParseExact(month.Trim(), "yyyy-MM", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out start))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["month"] = ["月份格式应为 yyyy-MM，例如 2026-03"] });
        }
        var end = start.AddMonths(1);
        Expression<Func<Project, bool>> filter = p => p.EvaluationDue != null && p.EvaluationDue < end &&
            (p.Status == ProjectStatus.Contracted || p.Status == ProjectStatus.InService);
        filter = filter.And(DepartmentScope(user));
        var projects = await store.Collection<Project>().FindAsync(filter, orderBy: p => p.EvaluationDue!, ct: ct);
        return TypedResults.Ok(projects.Select(p => new EvaluationDueDto(p.Id, p.Name, p.Department, p.Status, p.Status.Label(),
            p.EvaluationDue!.Value, p.EvaluationDue.Value < now)).ToList());
    }

    private static Expression<Func<Project, bool>> DepartmentScope(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin)) return p => true;
        var department = user.Department() ?? "\0none";
        return p => p.Department == department;
    }
}
