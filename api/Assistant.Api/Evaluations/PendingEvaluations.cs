using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Contracting;
using Assistant.Api.Projects;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Evaluations;

/// <summary>Contracts in service whose term ended (or whose evaluation date passed) and that have no final evaluation yet.</summary>
public static class PendingEvaluations
{
    public static async Task<Ok<List<PendingContractEvaluationDto>>> List(ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var inService = await store.Collection<Project>().FindAsync(p => p.Status == ProjectStatus.InService, ct: ct);
        var result = new List<PendingContractEvaluationDto>();
        foreach (var project in inService.Where(p => user.CanManageDepartment(p.Department)))
        {
            var projectId = project.Id;
            var contracts = await store.Collection<Contract>().FindAsync(c => c.ProjectId == projectId, ct: ct);
            foreach (var contract in contracts)
            {
                var due = project.EvaluationDue is { } d && d < contract.PeriodEnd ? d : contract.PeriodEnd;
                if (due > now) continue;
                var contractId = contract.Id;
                if (await store.Collection<Evaluation>().CountAsync(e => e.ContractId == contractId && e.Final, ct) > 0) continue;
                result.Add(new PendingContractEvaluationDto(contract.Id, project.Id, project.Name, project.Department, contract.OrganisationId,
                    contract.PeriodEnd, project.EvaluationDue));
            }
        }
        return TypedResults.Ok(result.OrderBy(p => p.PeriodEnd).ToList());
    }
}
