using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Bids;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Contracting;

public static class ContractsApi
{
    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/projects/{id}/contract", Get).WithTags("Contracts").RequireAuthorization();
        return app;
    }

    /// <summary>The project's contract, for its department's staff, finance and the contracted organisation.</summary>
    public static async Task<Results<Ok<ContractDto>, ProblemHttpResult>> Get(string id, IDocumentStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var project = await ProjectSteps.FindAsync(store, id, ct);
        if (project?.ContractId is null) return Problems.NotFound("尚无合同", $"项目 {id} 还没有合同");
        var contract = await store.Collection<Contract>().GetAsync(project.ContractId, ct);
        if (contract is null) return Problems.NotFound("尚无合同", $"项目 {id} 还没有合同");
        if (!user.CanManageDepartment(contract.Department) && !user.ActsFor(contract.OrganisationId))
            return Problems.Forbidden("无权查看该合同");
        return TypedResults.Ok(contract.AsDto());
    }

    public static ContractDto AsDto(this Contract c) => new(
        c.Id, c.ProjectId, c.OrganisationId, c.Department, c.Amount, c.Scope, c.Quantity, c.Quality, c.PeriodStart, c.PeriodEnd,
        c.PaymentSchedule.Select(p => new PaymentInstalmentDto(p.Name, p.Amount, p.Due, p.DependsOnEvaluation, p.PaidAt)).ToList(),
        c.Liabilities, c.SignedAt);
}
