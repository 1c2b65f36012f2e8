using System.Security.Claims;
using System.Security.Cryptography;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Api.Organisations;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Blacklist;

/// <summary>黑名单: staff add a provider for a period with a reason, or lift an entry with a reason; every change is audited. The list in force is public.</summary>
public static class BlacklistApi
{
    public const int MaxYears = 10;

    public static IEndpointRouteBuilder MapBlacklistApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/blacklist").WithTags("Blacklist");
        group.MapGet("/", List).AllowAnonymous();
        group.MapPost("/", Add).RequireAuthorization(AuthSetup.StaffPolicy);
        group.MapPost("/{entryId}/lift", Lift).RequireAuthorization(AuthSetup.StaffPolicy);
        return app;
    }

    /// <summary>Entries in force for everyone; staff also see expired and lifted ones.</summary>
    public static async Task<Ok<List<BlacklistEntryDto>>> List(IDocumentStore store, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = await store.Collection<BlacklistEntry>().FindAsync(_ => true, orderBy: b => b.From, descending: true, ct: ct);
        var shown = entries.Where(e => user.IsStaff() || e.InForce(now)).ToList();
        var result = new List<BlacklistEntryDto>();
        foreach (var e in shown)
            result.Add(e.AsDto((await store.Collection<Organisation>().GetAsync(e.OrganisationId, ct))?.Name ?? e.OrganisationId, now));
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Created<BlacklistEntryDto>, ValidationProblem, ProblemHttpResult>> Add(
        AddBlacklistRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new ValidationErrors()
            .Require(nameof(AddBlacklistRequest.OrganisationId), request?.OrganisationId, "机构编号", 64)
            .Require(nameof(AddBlacklistRequest.Reason), request?.Reason, "列入黑名单的原因", 500);
        if (request?.Until is not { } until) errors.Add(nameof(AddBlacklistRequest.Until), "请填写黑名单截止日期");
        else if (until.ToUniversalTime() <= now || until.ToUniversalTime() > now.AddYears(MaxYears))
            errors.Add(nameof(AddBlacklistRequest.Until), $"截止日期应在今天之后、{MaxYears}年以内");
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());

        var organisation = await store.Collection<Organisation>().GetAsync(OrganisationAccess.NormaliseId(request!.OrganisationId!), ct);
        if (organisation is null) return Problems.NotFound("机构不存在", $"没有编号为 {request.OrganisationId} 的机构");
        if (await BlacklistChecks.InForceForOrganisationAsync(store, organisation.Id, now, ct) is { } existing)
            return Problems.Conflict("该机构已在黑名单中", $"现有记录 {existing.Id}，至{existing.Until:yyyy年M月d日}");
        var entry = new BlacklistEntry
        {
            Id = $"BL-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}", OrganisationId = organisation.Id, CreditCode = organisation.CreditCode,
            Reason = request.Reason!.Trim(), From = now, Until = request.Until!.Value.ToUniversalTime(), AddedBy = user.Actor(),
        };
        await store.Collection<BlacklistEntry>().InsertAsync(entry, ct);
        await audit.RecordAsync(user.Actor(), "blacklist.added", "organisation", organisation.Id, reason: entry.Reason,
            details: $"{entry.Id} until {entry.Until:yyyy-MM-dd}", ct: ct);
        return TypedResults.Created($"/api/blacklist/{entry.Id}", entry.AsDto(organisation.Name, now));
    }

    public static async Task<Results<Ok<BlacklistEntryDto>, ValidationProblem, ProblemHttpResult>> Lift(
        string entryId, ReasonRequest? request, IDocumentStore store, TimeProvider clock, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new ValidationErrors().Require(nameof(ReasonRequest.Reason), request?.Reason, "解除原因", 500);
        if (!errors.IsEmpty) return TypedResults.ValidationProblem(errors.ToDictionary());
        var entries = store.Collection<BlacklistEntry>();
        var entry = await entries.GetAsync(entryId.Trim().ToUpperInvariant(), ct);
        if (entry is null) return Problems.NotFound("黑名单记录不存在");
        var now = clock.GetUtcNow().UtcDateTime;
        if (!entry.InForce(now)) return Problems.Unprocessable("该记录已不在有效期内", "已解除或已到期的记录不能再解除");
        entry.LiftedAt = now;
        entry.LiftReason = request!.Reason!.Trim();
        if (!await entries.ReplaceAsync(entry, ct)) return Problems.Conflict("该记录刚被他人修改", "请刷新后重试");
        await audit.RecordAsync(user.Actor(), "blacklist.lifted", "organisation", entry.OrganisationId, reason: entry.LiftReason, details: entry.Id, ct: ct);
        var name = (await store.Collection<Organisation>().GetAsync(entry.OrganisationId, ct))?.Name ?? entry.OrganisationId;
        return TypedResults.Ok(entry.AsDto(name, now));
    }

    public static BlacklistEntryDto AsDto(this BlacklistEntry e, string organisationName, DateTime now) =>
        new(e.Id, e.OrganisationId, organisationName, e.CreditCode, e.Reason, e.From, e.Until, e.InForce(now), e.LiftedAt, e.LiftReason);
}
