using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Organisations;

/// <summary>Staff verify or reject a registration; the organisation hears the outcome the next time it talks to the bot.</summary>
public static class OrganisationDecisions
{
    public static Task<Results<Ok<OrganisationDto>, ValidationProblem, ProblemHttpResult>> Verify(
        string id, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
        DecideAsync(id, OrganisationStatus.Verified, null, store, clock, audit, user, ct);

    public static Task<Results<Ok<OrganisationDto>, ValidationProblem, ProblemHttpResult>> Reject(
        string id, RejectOrganisationRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason) || request.Reason.Length > 500)
            return Task.FromResult<Results<Ok<OrganisationDto>, ValidationProblem, ProblemHttpResult>>(
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Reason"] = ["请填写不通过的原因（不超过500字）"] }));
        return DecideAsync(id, OrganisationStatus.Rejected, request.Reason.Trim(), store, clock, audit, user, ct);
    }

    private static async Task<Results<Ok<OrganisationDto>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string id, OrganisationStatus outcome, string? reason, IDocumentStore store, TimeProvider clock, AuditLog audit,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var organisations = store.Collection<Organisation>();
        var organisation = await organisations.GetAsync(OrganisationAccess.NormaliseId(id), ct);
        if (organisation is null) return Problems.NotFound("机构不存在", $"没有编号为 {id} 的机构");
        if (organisation.Status == outcome)
            return Problems.Unprocessable($"该机构已是“{outcome.Label()}”状态");
        var from = organisation.Status;
        organisation.Status = outcome;
        organisation.RejectionReason = reason;
        organisation.DecidedAt = clock.GetUtcNow().UtcDateTime;
        organisation.DecidedBy = user.Actor();
        organisation.OutcomeNotified = false;
        if (!await organisations.ReplaceAsync(organisation, ct))
            return Problems.Conflict("该机构刚被他人修改", "请刷新后重试");
        await audit.RecordAsync(user.Actor(), outcome == OrganisationStatus.Verified ? "organisation.verified" : "organisation.rejected",
            "organisation", organisation.Id, reason: reason, details: $"{from} → {outcome}", ct: ct);
        return TypedResults.Ok(organisation.AsDto());
    }

    /// <summary>
    /// The outcome not yet told, once: the organisation's own user, or whoever holds the key handed out at registration
    /// (the bot keeps it for an anonymous chat registrant). 204 when there is nothing new to tell.
    /// </summary>
    public static async Task<Results<Ok<OutcomeNoticeDto>, NoContent, ProblemHttpResult>> TakeNotice(
        string id, OutcomeNoticeRequest? request, IDocumentStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var organisations = store.Collection<Organisation>();
        var organisation = await organisations.GetAsync(OrganisationAccess.NormaliseId(id), ct);
        var keyMatches = organisation?.RegistrationKeyHash is { } hash && !string.IsNullOrEmpty(request?.RegistrationKey)
            && OrganisationsApi.HashKey(request.RegistrationKey) == hash;
        if (organisation is null || !(keyMatches || user.ActsFor(organisation.Id)))
            return Problems.Forbidden("无权查看审核结果", "请使用注册时的机构账号或注册凭据");
        if (organisation.OutcomeNotified) return TypedResults.NoContent();
        organisation.OutcomeNotified = true;
        if (!await organisations.ReplaceAsync(organisation, ct)) return TypedResults.NoContent(); // someone else just told it
        var message = organisation.Status switch
        {
            OrganisationStatus.Verified => $"好消息：“{organisation.Name}”已通过审核，现在可以查看适合的项目并投标。",
            OrganisationStatus.Rejected => $"很抱歉，“{organisation.Name}”的注册未通过审核。原因：{organisation.RejectionReason}。请按原因补正后联系工作人员。",
            _ => $"“{organisation.Name}”的注册仍在审核中。",
        };
        return TypedResults.Ok(new OutcomeNoticeDto(organisation.Id, organisation.Status, organisation.RejectionReason, message));
    }
}
