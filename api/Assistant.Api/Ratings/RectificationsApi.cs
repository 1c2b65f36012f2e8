using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Ratings;

/// <summary>差评整改: the provider answers by the deadline, staff follow up and close; overdue cases are flagged.</summary>
public static class RectificationsApi
{
    public static IEndpointRouteBuilder MapRectificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rectifications").WithTags("Ratings").RequireAuthorization();
        group.MapGet("/", List);
        group.MapPost("/{id}/respond", Respond).RequireAuthorization(AuthSetup.OrganisationPolicy).Validated<RespondRequest>();
        group.MapPost("/{id}/follow-up", FollowUp).RequireAuthorization(AuthSetup.StaffPolicy).Validated<FollowUpRequest>();
        return app;
    }

    public sealed record RespondRequest(string? Response) : IValidatable
    {
        public void Validate(ValidationErrors errors) => errors.Require("response", Response, "整改答复", 1000);
    }

    public sealed record FollowUpRequest(string? Note, bool Close) : IValidatable
    {
        public void Validate(ValidationErrors errors) => errors.Require("note", Note, "跟进情况", 1000);
    }

    /// <summary>An organisation's users see their own cases; purchaser staff their department's; finance and admin all.</summary>
    public static async Task<Results<Ok<List<RectificationCaseDto>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct, string? organisationId = null, bool? overdue = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!user.IsStaff())
        {
            if (user.OrganisationId() is not { } own) return Problems.Forbidden("无权查看整改事项");
            if (organisationId is not null && organisationId != own) return Problems.Forbidden("只能查看本单位的整改事项");
            organisationId = own;
        }
        var cases = organisationId is null
            ? await store.Collection<RectificationCase>().FindAsync(_ => true, c => c.OpenedAt, descending: true, ct: ct)
            : await store.Collection<RectificationCase>().FindAsync(c => c.OrganisationId == organisationId, c => c.OpenedAt, descending: true, ct: ct);
        if (user.IsStaff() && !user.IsInRole(Roles.Finance) && !user.IsInRole(Roles.Admin))
        {
            var department = user.Department();
            var mine = (await store.Collection<Project>().FindAsync(p => p.Department == department, ct: ct)).Select(p => p.Id).ToHashSet();
            cases = cases.Where(c => mine.Contains(c.ProjectId)).ToList();
        }
        if (overdue is { } o) cases = cases.Where(c => c.IsOverdue(now) == o).ToList();
        var result = new List<RectificationCaseDto>();
        foreach (var c in cases) result.Add(await ToDtoAsync(c, store, now, ct));
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<RectificationCaseDto>, ProblemHttpResult>> Respond(
        string id, RespondRequest request, ClaimsPrincipal user, IDocumentStore store, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var cases = store.Collection<RectificationCase>();
        var rc = await cases.GetAsync(id, ct);
        if (rc is null || rc.OrganisationId != user.OrganisationId()) return Problems.NotFound("整改事项不存在", $"本单位没有编号为 {id} 的整改事项");
        if (rc.Status != RectificationStatus.Open) return Problems.Conflict("已答复", "该整改事项已经答复或已办结");
        var now = clock.GetUtcNow().UtcDateTime;
        var late = rc.IsOverdue(now);
        rc.ProviderResponse = request.Response!.Trim();
        rc.RespondedAt = now;
        rc.Status = RectificationStatus.Responded;
        if (!await cases.ReplaceAsync(rc, ct)) return Problems.Conflict("整改事项已被他人修改，请刷新后重试");
        await audit.RecordAsync(user.Actor(), "rectification.responded", "rectification", rc.Id, rc.ProjectId,
            details: late ? "逾期答复" : null, ct: ct);
        return TypedResults.Ok(await ToDtoAsync(rc, store, now, ct));
    }

    public static async Task<Results<Ok<RectificationCaseDto>, ProblemHttpResult>> FollowUp(
        string id, FollowUpRequest request, ClaimsPrincipal user, IDocumentStore store, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var cases = store.Collection<RectificationCase>();
        var rc = await cases.GetAsync(id, ct);
        var project = rc is null ? null : await store.Collection<Project>().GetAsync(rc.ProjectId, ct);
        if (rc is null || project is null || !user.CanManageDepartment(project.Department)) return Problems.NotFound("整改事项不存在");
        if (rc.Status == RectificationStatus.Closed) return Problems.Conflict("整改事项已办结");
        var now = clock.GetUtcNow().UtcDateTime;
        var note = request.Note!.Trim();
        rc.StaffFollowUp = note;
        rc.FollowUps.Add($"{now:yyyy-MM-dd HH:mm} {user.Actor()}：{note}");
        if (request.Close)
        {
            rc.Status = RectificationStatus.Closed;
            rc.ClosedAt = now;
            rc.ClosedBy = user.Actor();
        }
        if (!await cases.ReplaceAsync(rc, ct)) return Problems.Conflict("整改事项已被他人修改，请刷新后重试");
        await audit.RecordAsync(user.Actor(), request.Close ? "rectification.closed" : "rectification.followed-up", "rectification",
            rc.Id, rc.ProjectId, details: note, ct: ct);
        return TypedResults.Ok(await ToDtoAsync(rc, store, now, ct));
    }

    /// <summary>The complaint's text is shown; nothing about who made it (the rating stores nothing about them, and the visit label is left out).</summary>
    private static async Task<RectificationCaseDto> ToDtoAsync(RectificationCase c, IDocumentStore store, DateTime now, CancellationToken ct)
    {
        var rating = await store.Collection<Rating>().GetAsync(c.RatingId, ct);
        return new RectificationCaseDto(c.Id, c.ContractId, c.ProjectId, c.OrganisationId, rating?.Score ?? 0,
            Rating.LevelLabel(rating?.Score ?? 0), rating?.Comment, c.OpenedAt, c.DueAt, c.Status.ToString(), c.IsOverdue(now),
            c.ProviderResponse, c.RespondedAt, c.StaffFollowUp, c.ClosedAt, c.FixScore);
    }
}
