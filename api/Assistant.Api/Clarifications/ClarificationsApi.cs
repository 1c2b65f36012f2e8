using System.Security.Claims;
using System.Security.Cryptography;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Bids;
using Assistant.Api.Blacklist;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Clarifications;

/// <summary>澄清: providers ask on open projects until the clarification deadline; staff answers are published to all, never naming the asker.</summary>
public static class ClarificationsApi
{
    public static IEndpointRouteBuilder MapClarificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}/questions").WithTags("Clarifications");
        group.MapGet("/", List).AllowAnonymous();
        group.MapPost("/", Ask).RequireAuthorization();
        group.MapPost("/{questionId}/answer", Answer).RequireAuthorization(AuthSetup.StaffPolicy);
        return app;
    }

    /// <summary>Answered questions for everyone; the project's staff also see unanswered ones; an asker also sees its own pending ones.</summary>
    public static async Task<Results<Ok<List<QuestionDto>>, ProblemHttpResult>> List(string id, IDocumentStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var project = await ProjectSteps.FindAsync(store, id, ct);
        if (project is null || !ProjectsApi.IsVisible(project, user)) return Problems.NotFound("项目不存在", $"没有编号为 {id} 的公开项目");
        var staff = user.CanManageDepartment(project.Department);
        var mine = user.IsInRole(Roles.Organisation) ? user.OrganisationId() : null;
        var questions = await store.Collection<ClarificationQuestion>().FindAsync(q => q.ProjectId == project.Id, orderBy: q => q.AskedAt, ct: ct);
        return TypedResults.Ok(questions
            .Where(q => q.Answer is not null || staff || q.AskedByOrganisationId == mine)
            .Select(q => q.AsDto(mine)).ToList());
    }

    public static async Task<Results<Created<QuestionDto>, ValidationProblem, ProblemHttpResult>> Ask(
        string id, AskQuestionRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors().Require(nameof(AskQuestionRequest.Question), request?.Question, "问题", 1000);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        if (!user.IsInRole(Roles.Organisation) || user.OrganisationId() is not { } organisationId)
            return Problems.Forbidden("只有承接主体可以提出澄清问题", "请使用机构账号登录");
        var now = clock.GetUtcNow().UtcDateTime;
        if (await BlacklistChecks.InForceForOrganisationAsync(store, organisationId, now, ct) is { } banned)
            return Problems.Forbidden("不能提问", BlacklistChecks.Explain(banned));
        var project = await ProjectSteps.FindAsync(store, id, ct);
        if (project is null || !ProjectsApi.IsVisible(project, user)) return Problems.NotFound("项目不存在", $"没有编号为 {id} 的公开项目");
        if (!ProjectLifecycle.IsOpenForQuestions(project.Status))
            return Problems.Unprocessable("不接受澄清问题", $"项目当前为“{project.Status.Label()}”，只有已公开或投标中的项目可以提问");
        var deadline = project.ClarificationDeadline ?? project.BidDeadline;
        if (deadline is { } d && now >= d)
            return Problems.Unprocessable("澄清提问已截止", $"本项目澄清提问已于{d:yyyy年M月d日 HH:mm}（UTC）截止");

        var question = new ClarificationQuestion
        {
            Id = $"Q-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}", ProjectId = project.Id,
            AskedByOrganisationId = organisationId, Question = request!.Question!.Trim(), AskedAt = now,
        };
        await store.Collection<ClarificationQuestion>().InsertAsync(question, ct);
        await audit.RecordAsync(user.Actor(), "clarification.asked", "clarification", question.Id, project.Id, ct: ct);
        return TypedResults.Created($"/api/projects/{project.Id}/questions", question.AsDto(organisationId));
    }

    public static async Task<Results<Ok<QuestionDto>, ValidationProblem, ProblemHttpResult>> Answer(
        string id, string questionId, AnswerQuestionRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors().Require(nameof(AnswerQuestionRequest.Answer), request?.Answer, "答复", 4000);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        var (project, problem) = await ProjectSteps.LoadManagedAsync(store, id, user, ct);
        if (problem is not null) return problem;
        var questions = store.Collection<ClarificationQuestion>();
        var question = await questions.GetAsync(questionId.Trim().ToUpperInvariant(), ct);
        if (question is null || question.ProjectId != project!.Id) return Problems.NotFound("问题不存在");
        var revised = question.Answer is not null;
        question.Answer = request!.Answer!.Trim();
        question.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        question.AnsweredBy = user.Actor();
        if (!await questions.ReplaceAsync(question, ct)) return Problems.Conflict("该问题刚被他人答复", "请刷新后查看");
        await audit.RecordAsync(user.Actor(), revised ? "clarification.answer-revised" : "clarification.answered", "clarification", question.Id, project.Id, ct: ct);
        return TypedResults.Ok(question.AsDto(null));
    }

    private static QuestionDto AsDto(this ClarificationQuestion q, string? viewerOrganisationId) =>
        new(q.Id, q.ProjectId, q.Question, q.Answer, q.AskedAt, q.AnsweredAt, viewerOrganisationId is not null && q.AskedByOrganisationId == viewerOrganisationId);
}
