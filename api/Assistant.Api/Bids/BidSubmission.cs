using System.Security.Claims;
using System.Security.Cryptography;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Blacklist;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Bids;

/// <summary>
/// Submitting a bid. Every rule is checked by the server at the moment of submission (its own clock, not the client's).
/// One bid per organisation per project: the id makes the store refuse a second insert, and a resubmission (or the
/// loser of two simultaneous submissions) replaces the offer under the version check, keeping the earlier one in history.
/// </summary>
public static class BidSubmission
{
    public const decimal MaxPrice = 10_000_000_000m;
    public const int MaxPlanSummaryLength = 2000;
    private const int Attempts = 5;

    public static async Task<Results<Created<BidReceiptDto>, Ok<BidReceiptDto>, ValidationProblem, ProblemHttpResult>> Submit(
        string id, SubmitBidRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request is null) errors.Add("body", "请求内容为空或格式不正确");
        else
        {
            if (request.Price is not { } price || price <= 0) errors.Add(nameof(request.Price), "请填写报价（大于0的金额，单位：元）");
            else if (price > MaxPrice || decimal.Round(price, 2) != price) errors.Add(nameof(request.Price), "报价金额不正确（最多两位小数）");
            errors.Require(nameof(request.PlanSummary), request.PlanSummary, "服务方案摘要", MaxPlanSummaryLength);
            if (request.SubmissionId?.Length > 64) errors.Add(nameof(request.SubmissionId), "SubmissionId 不能超过64个字符");
            if (!request.DeclaredNotExcluded)
                errors.Add(nameof(request.DeclaredNotExcluded), "请声明贵机构不存在被禁止参与政府购买服务的情形（未被列入黑名单、近三年无重大违法记录）");
        }
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        if (!user.IsInRole(Roles.Organisation) || user.OrganisationId() is not { } organisationId)
            return Problems.Forbidden("只有承接主体可以投标", "请使用机构账号登录后投标");
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = await store.Collection<Organisation>().GetAsync(organisationId, ct);
        if (organisation is null || organisation.Status != OrganisationStatus.Verified)
            return Problems.Forbidden("机构尚未通过审核", "贵机构的注册通过审核后才能投标");
        if (await BlacklistChecks.InForceForOrganisationAsync(store, organisationId, now, ct) is { } entry)
            return Problems.Forbidden("不能投标", BlacklistChecks.Explain(entry));

        var project = await ProjectSteps.FindAsync(store, id, ct);
        if (project is null || !ProjectsApi.IsVisible(project, user))
            return Problems.NotFound("项目不存在", $"没有编号为 {id} 的项目");
        // Late is late whether or not the deadline job has already closed bidding: say so plainly.
        if (project.BidDeadline is { } deadline && now >= deadline && project.Status is ProjectStatus.Bidding or ProjectStatus.EvaluatingBids)
            return Problems.Unprocessable("投标已截止", $"本项目投标已于{deadline:yyyy年M月d日 HH:mm}（UTC）截止，逾期投标不予受理");
        if (!ProjectLifecycle.IsOpenForBids(project.Status) || project.BidDeadline is null)
            return Problems.Unprocessable("该项目不在投标期", $"项目当前为“{project.Status.Label()}”，不接受投标");
        if (request!.Price > project.Budget)
            return Problems.Unprocessable("报价超过预算", $"报价{request.Price:0.##}元超过项目预算{project.Budget:0.##}元");
        if (Eligibility.RequirementReasons(organisation, project, now) is { Count: > 0 } unmet)
            return Problems.Unprocessable("不符合项目要求", string.Join("；", unmet));

        return await SaveAsync(store, audit, project, organisationId, request, user.Actor(), now, ct);
    }

    private static async Task<Results<Created<BidReceiptDto>, Ok<BidReceiptDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        IDocumentStore store, AuditLog audit, Project project, string organisationId, SubmitBidRequest request, string actor, DateTime now, CancellationToken ct)
    {
        var bids = store.Collection<Bid>();
        var bidId = Bid.IdFor(project.Id, organisationId);
        var receipt = NewReceipt(project.Id, now);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var existing = await bids.GetAsync(bidId, ct);
            if (existing is null)
            {
                var bid = new Bid
                {
                    Id = bidId, ProjectId = project.Id, OrganisationId = organisationId, Price = request.Price!.Value,
                    PlanSummary = request.PlanSummary!.Trim(), DeclaredNotExcluded = true, SubmittedAt = now, SubmittedBy = actor, ReceiptNumber = receipt,
                    SubmissionId = request.SubmissionId,
                };
                try
                {
                    await bids.InsertAsync(bid, ct);
                }
                catch (DuplicateKeyException)
                {
                    continue; // a simultaneous first submission won: apply ours as a resubmission on top of it
                }
                await audit.RecordAsync(actor, "bid.submitted", "bid", bidId, project.Id, details: $"receipt {receipt}", ct: ct);
                return TypedResults.Created($"/api/projects/{project.Id}/bids/mine", Receipt(bid, replaced: false));
            }
            if (request.SubmissionId is { Length: > 0 } submission && existing.SubmissionId == submission)
                return TypedResults.Ok(Receipt(existing, replaced: false)); // a retry of the request already applied
            existing.History.Add(new BidRevision
            {
                Price = existing.Price, PlanSummary = existing.PlanSummary, SubmittedAt = existing.SubmittedAt, ReceiptNumber = existing.ReceiptNumber,
            });
            existing.Price = request.Price!.Value;
            existing.PlanSummary = request.PlanSummary!.Trim();
            existing.DeclaredNotExcluded = true;
            existing.SubmittedAt = now;
            existing.SubmittedBy = actor;
            existing.ReceiptNumber = receipt;
            existing.SubmissionId = request.SubmissionId;
            if (await bids.ReplaceAsync(existing, ct))
            {
                await audit.RecordAsync(actor, "bid.resubmitted", "bid", bidId, project.Id,
                    details: $"receipt {receipt}, revision {existing.History.Count + 1}", ct: ct);
                return TypedResults.Ok(Receipt(existing, replaced: true));
            }
        }
        return Problems.Conflict("投标正在同时提交", "贵机构的另一份投标正在提交，请稍后查看回执或重试");
    }

    private static BidReceiptDto Receipt(Bid bid, bool replaced) => new(
        bid.ProjectId, bid.OrganisationId, bid.ReceiptNumber, bid.Price, bid.SubmittedAt, bid.History.Count + 1, replaced,
        replaced
            ? $"已更新投标，新的回执编号 {bid.ReceiptNumber}（原投标已作废并留档）"
            : $"投标已受理，回执编号 {bid.ReceiptNumber}");

    /// <summary>Readable and unguessable: project, server time, random suffix.</summary>
    private static string NewReceipt(string projectId, DateTime now) =>
        $"TB-{projectId}-{now:yyyyMMddHHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3))}";
}
