using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Projects;

/// <summary>Extending a bid deadline (延长投标截止时间): only later, only while bids are still open, always with a reason.</summary>
public static class BidDeadlineApi
{
    public sealed record ExtendRequest(DateTime? BidDeadline, string? Reason) : IValidatable
    {
        public void Validate(ValidationErrors errors)
        {
            if (BidDeadline is null) errors.Add(nameof(BidDeadline), "请填写新的投标截止时间");
            errors.Require(nameof(Reason), Reason, "延期原因", 500);
        }
    }

    public static async Task<Results<Ok<ProjectStatusDto>, ProblemHttpResult>> Extend(
        string id, ExtendRequest request, ClaimsPrincipal user, IDocumentStore store, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var projects = store.Collection<Project>();
        var project = await projects.GetAsync(id.Trim().ToUpperInvariant(), ct);
        if (project is null || !ProjectsApi.IsVisible(project, user))
            return Problems.NotFound("项目不存在", $"没有编号为 {id} 的项目");
        if (!user.CanManageDepartment(project.Department))
            return Problems.Forbidden("无权延长投标截止时间", $"只有{project.Department}的采购人员（或财政部门）可以延长该项目的投标截止时间");
        if (project.Status is not (ProjectStatus.Published or ProjectStatus.Bidding))
            return Problems.Unprocessable("当前阶段不能延长投标截止时间",
                $"项目当前为“{project.Status.Label()}”，只有“已公开”或“投标中”的项目可以延长投标截止时间");

        var now = clock.GetUtcNow().UtcDateTime;
        var requested = request.BidDeadline!.Value;
        var deadline = requested.Kind == DateTimeKind.Local ? requested.ToUniversalTime() : DateTime.SpecifyKind(requested, DateTimeKind.Utc);
        if (deadline <= now)
            return Problems.Unprocessable("新的截止时间已过", "新的投标截止时间必须晚于现在");
        if (project.BidDeadline is { } current && deadline <= current)
            return Problems.Unprocessable("只能延长，不能提前", $"新的投标截止时间必须晚于当前截止时间 {current:yyyy-MM-dd HH:mm} (UTC)");
        if (deadline > now.AddYears(1))
            return Problems.Unprocessable("延期过长", "投标截止时间不能晚于一年以后");

        var previous = project.BidDeadline;
        project.BidDeadline = deadline;
        if (!await projects.ReplaceAsync(project, ct))
            return Problems.Conflict("项目刚被其他人修改", "请刷新后重试");
        await audit.RecordAsync(user.Actor(), "project.deadline-extended", "Project", project.Id, project.Id,
            request.Reason!.Trim(), $"投标截止时间 {previous:yyyy-MM-dd HH:mm} → {deadline:yyyy-MM-dd HH:mm} (UTC)", ct);
        return TypedResults.Ok(await ProjectStatusApi.StatusOf(project, store, user, now, ct));
    }
}
