using Assistant.Api.Audit;
using Assistant.Api.Projects;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Evaluations;

/// <summary>
/// What a stored evaluation changes elsewhere: the final one moves the project to Evaluated; the payment release,
/// renewal, bid preference and blacklist proposal are recorded on the evaluation and in the audit trail for finance
/// and the blacklist procedure to act on (a proposal is not a listing: listing needs its own decision).
/// </summary>
public static class EvaluationConsequences
{
    public static async Task ApplyAsync(Evaluation evaluation, Project project, string actor, IDocumentStore store, AuditLog audit,
        DateTime now, CancellationToken ct)
    {
        await audit.RecordAsync(actor, "evaluation.payment-release", "contract", evaluation.ContractId, project.Id,
            details: $"share={evaluation.PaymentReleaseShare}; amount={evaluation.PaymentReleased}; renewal={evaluation.RenewalEligible}; bidPreference={evaluation.FutureBidPreference}", ct: ct);
        if (evaluation.BlacklistProposed)
            await audit.RecordAsync(actor, "blacklist.proposed", "organisation", evaluation.OrganisationId, project.Id,
                reason: "绩效评价不合格且发现弄虚作假", details: $"evaluation={evaluation.Id}", ct: ct);
        if (!evaluation.Final) return;

        var projects = store.Collection<Project>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (project.Status != ProjectStatus.InService) return;
            if (!ProjectLifecycle.TryMove(project, ProjectStatus.Evaluated, actor, now, $"绩效评价 {evaluation.Period}：{evaluation.Grade?.Label()}", out _)) return;
            if (await projects.ReplaceAsync(project, ct))
            {
                await audit.RecordAsync(actor, "project.transition", "project", project.Id, project.Id,
                    reason: "绩效评价完成", details: $"{ProjectStatus.InService} -> {ProjectStatus.Evaluated}", ct: ct);
                return;
            }
            project = await projects.GetAsync(project.Id, ct) ?? project;
        }
    }
}
