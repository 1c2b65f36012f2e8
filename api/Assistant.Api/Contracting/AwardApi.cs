using System.Security.Claims;
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

namespace Assistant.Api.Contracting;

/// <summary>定标: records the evaluation of bids, awards one verified, not blacklisted bidder and drafts the contract from its bid.</summary>
public static class AwardApi
{
    public static async Task<Results<Ok<AwardResultDto>, ValidationProblem, ProblemHttpResult>> Award(
        string id, AwardRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validate(request) is { IsEmpty: false } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
        var (project, problem) = await ProjectSteps.LoadManagedAsync(store, id, user, ct);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow().UtcDateTime;
        var awardeeId = OrganisationAccess.NormaliseId(request!.OrganisationId!);
        var bids = await store.Collection<Bid>().FindAsync(b => b.ProjectId == project!.Id, ct: ct);
        // The project is stored as awarded before its contract: if the process stopped in between, the same request
        // finishes the award instead of being refused as "already awarded" with no contract ever made.
        if (project!.Status == ProjectStatus.Awarded && project.ContractId is { } unfinished
            && project.AwardedOrganisationId == awardeeId && await store.Collection<Contract>().GetAsync(unfinished, ct) is null
            && bids.FirstOrDefault(b => b.OrganisationId == awardeeId) is { } awarded)
            return await FinishAsync(store, audit, user, project, bids, request,
                Draft(project, awarded, request.Contract, project.AwardedAt ?? now, unfinished), ct);
        if (!ProjectLifecycle.CanMove(project.Status, ProjectStatus.Awarded))
            return (await ProjectSteps.MoveAsync(store, audit, project, ProjectStatus.Awarded, user.Actor(), now, null, ct))!;

        if (ProcurementRules.AwardError(project, bids) is { } ruleError) return Problems.Unprocessable("不能定标", ruleError);
        var winning = bids.FirstOrDefault(b => b.OrganisationId == awardeeId);
        if (winning is null) return Problems.Unprocessable("不能定标", "该机构没有对本项目投标");
        var awardee = await store.Collection<Organisation>().GetAsync(awardeeId, ct);
        if (awardee?.Status != OrganisationStatus.Verified) return Problems.Unprocessable("不能定标", "该机构未通过审核");
        if (await BlacklistChecks.InForceForOrganisationAsync(store, awardeeId, now, ct) is { } banned)
            return Problems.Unprocessable("不能定标", BlacklistChecks.Explain(banned));

        var contractId = $"HT-{project.Id}";
        if (await store.Collection<Contract>().GetAsync(contractId, ct) is not null) contractId += $"-{now:yyyyMMddHHmmss}";
        var contract = Draft(project, winning, request.Contract, now, contractId);
        var reason = request.EvaluationNotes?.Trim();
        if (await ProjectSteps.MoveAsync(store, audit, project, ProjectStatus.Awarded, user.Actor(), now, reason, ct, p =>
            {
                p.AwardedAt = now;
                p.AwardedOrganisationId = awardeeId;
                p.ContractId = contract.Id;
            }) is { } moveProblem)
            return moveProblem;
        return await FinishAsync(store, audit, user, project, bids, request, contract, ct);
    }

    /// <summary>After the project is stored as awarded: the bids' results, the contract, then the audit trail.</summary>
    private static async Task<Ok<AwardResultDto>> FinishAsync(IDocumentStore store, AuditLog audit, ClaimsPrincipal user,
        Project project, IReadOnlyList<Bid> bids, AwardRequest request, Contract contract, CancellationToken ct)
    {
        var reason = request.EvaluationNotes?.Trim();
        foreach (var bid in bids)
        {
            if (request.Scores is not null && request.Scores.TryGetValue(bid.OrganisationId, out var score)) bid.EvaluationScore = score;
            bid.Awarded = bid.OrganisationId == contract.OrganisationId;
            bid.EvaluationNotes = reason;
            await store.Collection<Bid>().ReplaceAsync(bid, ct);
        }
        try
        {
            await store.Collection<Contract>().InsertAsync(contract, ct);
        }
        catch (DuplicateKeyException)
        {
            // A concurrent repeat of the same unfinished award stored the contract first: answer with it.
            var stored = await store.Collection<Contract>().GetAsync(contract.Id, ct);
            return TypedResults.Ok(new AwardResultDto(project.AsDetails(), (stored ?? contract).AsDto()));
        }
        await audit.RecordAsync(user.Actor(), "project.awarded", "project", project.Id, project.Id, reason,
            $"awarded to {contract.OrganisationId}; scores {string.Join(", ", request.Scores?.Select(s => $"{s.Key}={s.Value}") ?? [])}", ct);
        await audit.RecordAsync(user.Actor(), "contract.created", "contract", contract.Id, project.Id, details: $"amount {contract.Amount}", ct: ct);
        return TypedResults.Ok(new AwardResultDto(project.AsDetails(), contract.AsDto()));
    }

    private static ValidationErrors Validate(AwardRequest? r)
    {
        var errors = new ValidationErrors();
        if (r is null) return errors.Add("body", "请求内容为空或格式不正确");
        errors.Require(nameof(r.OrganisationId), r.OrganisationId, "中标机构编号", 64);
        if (r.EvaluationNotes?.Length > 2000) errors.Add(nameof(r.EvaluationNotes), "评标意见不能超过2000字");
        if (r.Scores?.Values.Any(v => v is < 0 or > 100) == true) errors.Add(nameof(r.Scores), "评分应在0到100之间");
        if (r.Contract is { } c)
        {
            if (c.PeriodStart is { } s && c.PeriodEnd is { } e && e <= s) errors.Add("Contract.PeriodEnd", "服务期结束日期应晚于开始日期");
            if (c.PaymentSchedule?.Any(p => p.Amount <= 0 || string.IsNullOrWhiteSpace(p.Name)) == true)
                errors.Add("Contract.PaymentSchedule", "每期付款须有名称和大于0的金额");
        }
        return errors;
    }

    private static Contract Draft(Project project, Bid bid, ContractTermsDto? terms, DateTime now, string id)
    {
        var start = terms?.PeriodStart?.ToUniversalTime() ?? now.Date.AddDays(15);
        var end = terms?.PeriodEnd?.ToUniversalTime() ?? start.AddYears(1);
        var schedule = terms?.PaymentSchedule is { Count: > 0 } given
            ? given.Select(p => new PaymentInstalment { Name = p.Name, Amount = p.Amount, Due = p.Due, DependsOnEvaluation = p.DependsOnEvaluation }).ToList()
            :
            [
                new PaymentInstalment { Name = "首期款（合同签订后）", Amount = Math.Round(bid.Price * 0.4m, 2), Due = start },
                new PaymentInstalment { Name = "中期款", Amount = Math.Round(bid.Price * 0.3m, 2), Due = start.AddMonths(6) },
                new PaymentInstalment { Name = "尾款（绩效评价后）", Amount = bid.Price - Math.Round(bid.Price * 0.4m, 2) - Math.Round(bid.Price * 0.3m, 2), Due = end, DependsOnEvaluation = true },
            ];
        return new Contract
        {
            Id = id, ProjectId = project.Id, OrganisationId = bid.OrganisationId, Department = project.Department,
            Amount = bid.Price, Scope = terms?.Scope ?? project.Content, Quantity = terms?.Quantity ?? "按合同约定的年度服务计划执行",
            Quality = terms?.Quality ?? project.ServiceStandard, PeriodStart = start, PeriodEnd = end, PaymentSchedule = schedule,
            Liabilities = terms?.Liabilities ?? "未达到服务标准的，按合同约定扣减服务费用；情节严重的解除合同并列入黑名单。",
            SignedAt = now,
        };
    }
}
