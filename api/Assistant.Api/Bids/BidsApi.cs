using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Bids;

public static class BidsApi
{
    public static IEndpointRouteBuilder MapBidsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}/bids").WithTags("Bids");
        group.MapPost("/", BidSubmission.Submit).RequireAuthorization();
        group.MapGet("/mine", Mine).RequireAuthorization();
        group.MapGet("/", List).RequireAuthorization(AuthSetup.StaffPolicy);
        return app;
    }

    /// <summary>The organisation's own bid on the project, with its earlier revisions.</summary>
    public static async Task<Results<Ok<BidDto>, ProblemHttpResult>> Mine(string id, IDocumentStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Organisation) || user.OrganisationId() is not { } organisationId)
            return Problems.Forbidden("只有承接主体可以查看本机构的投标");
        var bid = await store.Collection<Bid>().GetAsync(Bid.IdFor(id.Trim().ToUpperInvariant(), organisationId), ct);
        if (bid is null) return Problems.NotFound("尚未投标", $"贵机构尚未对项目 {id} 投标");
        var organisation = await store.Collection<Organisation>().GetAsync(organisationId, ct);
        return TypedResults.Ok(bid.AsDto(organisation?.Name ?? organisationId));
    }

    /// <summary>All bids, for the project's staff, and only once bidding has closed: until then they are sealed.</summary>
    public static async Task<Results<Ok<List<BidDto>>, ProblemHttpResult>> List(string id, IDocumentStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        var (project, problem) = await ProjectSteps.LoadManagedAsync(store, id, user, ct);
        if (problem is not null) return problem;
        if (!ProcurementRules.BidsUnsealed(project!))
            return Problems.Conflict("投标文件尚未开启", $"项目当前为“{project!.Status.Label()}”；投标截止前投标内容保密，截止后才能查看");
        var bids = await store.Collection<Bid>().FindAsync(b => b.ProjectId == project!.Id, orderBy: b => b.SubmittedAt, ct: ct);
        var names = new Dictionary<string, string>();
        foreach (var organisationId in bids.Select(b => b.OrganisationId).Distinct())
            names[organisationId] = (await store.Collection<Organisation>().GetAsync(organisationId, ct))?.Name ?? organisationId;
        return TypedResults.Ok(bids.Select(b => b.AsDto(names.GetValueOrDefault(b.OrganisationId, b.OrganisationId))).ToList());
    }

    public static BidDto AsDto(this Bid b, string organisationName) => new(
        b.ProjectId, b.OrganisationId, organisationName, b.Price, b.PlanSummary, b.DeclaredNotExcluded, b.SubmittedAt, b.ReceiptNumber,
        b.EvaluationScore, b.Awarded, b.History.Select(h => new BidRevisionDto(h.Price, h.PlanSummary, h.SubmittedAt, h.ReceiptNumber)).ToList());
}
