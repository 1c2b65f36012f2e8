using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Exports;

/// <summary>
/// The year's projects as an OCDS 1.1-style release package (one compiled release per project, tags by stage).
/// Method mapping: 公开招标 → open; 邀请招标 → selective; 竞争性谈判/磋商, 询价 → limited; 单一来源 and the
/// non-competitive forms → direct; the Chinese name is kept in procurementMethodDetails.
/// </summary>
public static class OcdsPackage
{
    public const string OcidPrefix = "ocds-zfgmfw";

    public static async Task<object> BuildAsync(IDocumentStore store, int year, string packageUri, DateTime now, CancellationToken ct)
    {
        var projects = await store.Collection<Project>().FindAsync(p => p.Year == year && p.Status != ProjectStatus.Draft, p => p.Id, ct: ct);
        var releases = new List<object>();
        foreach (var p in projects) releases.Add(await ReleaseAsync(store, p, ct));
        return new
        {
            uri = packageUri,
            version = "1.1",
            publishedDate = now,
            publisher = new { name = "政府购买服务助手" },
            releases,
        };
    }

    private static async Task<object> ReleaseAsync(IDocumentStore store, Project p, CancellationToken ct)
    {
        var id = p.Id;
        var contracts = await store.Collection<Contract>().FindAsync(c => c.ProjectId == id, ct: ct);
        var evaluations = await store.Collection<Evaluation>().FindAsync(e => e.ProjectId == id && e.Published, ct: ct);
        var supplier = p.AwardedOrganisationId is { } orgId ? await store.Collection<Organisation>().GetAsync(orgId, ct) : null;
        var date = p.History.Count > 0 ? p.History[^1].At : p.CreatedAt;
        var buyer = new { id = p.Department, name = p.Department };
        var parties = new List<object> { new { id = p.Department, name = p.Department, roles = new[] { "buyer", "procuringEntity" } } };
        if (supplier is not null)
            parties.Add(new { id = supplier.Id, name = supplier.Name, identifier = new { scheme = "CN-USCC", id = supplier.CreditCode }, roles = new[] { "supplier" } });
        return new
        {
            ocid = $"{OcidPrefix}-{p.Id}",
            id = $"{p.Id}-{p.Status}-{date:yyyyMMddHHmmss}",
            date,
            tag = Tags(p.Status),
            initiationType = "tender",
            language = "zh",
            buyer,
            parties,
            tender = new
            {
                id = p.Id, title = p.Name, description = p.Content, status = TenderStatus(p.Status),
                value = new { amount = p.Budget, currency = "CNY" },
                procurementMethod = Method(p.Method), procurementMethodDetails = p.Method.Label(),
                procurementMethodRationale = p.MethodJustification,
                mainProcurementCategory = "services", additionalClassifications = new[] { new { scheme = "政府购买服务指导目录", id = p.CatalogueCode, description = p.Category } },
                tenderPeriod = new { startDate = p.PublishedAt, endDate = p.BidDeadline },
            },
            awards = supplier is null ? [] : new[]
            {
                new { id = $"{p.Id}-award", status = "active", date = p.AwardedAt, suppliers = new[] { new { id = supplier.Id, name = supplier.Name } },
                    value = contracts.Count > 0 ? new { amount = contracts[0].Amount, currency = "CNY" } : null },
            },
            contracts = contracts.Select(c => new
            {
                id = c.Id, awardID = $"{p.Id}-award", status = p.Status >= ProjectStatus.Closed ? "terminated" : "active",
                value = new { amount = c.Amount, currency = "CNY" }, dateSigned = c.SignedAt,
                period = new { startDate = c.PeriodStart, endDate = c.PeriodEnd },
                implementation = new
                {
                    transactions = c.PaymentSchedule.Where(i => i.PaidAt is not null)
                        .Select(i => new { id = $"{c.Id}-{i.Name}", date = i.PaidAt, value = new { amount = i.Amount, currency = "CNY" } }),
                    // Not an OCDS core field: the published 绩效评价 results of this contract.
                    performanceEvaluations = evaluations.Where(e => e.ContractId == c.Id)
                        .Select(e => new { period = e.Period, score = e.CompositeScore, grade = e.Grade?.Label(), publishedDate = e.PublishedAt }),
                },
            }),
        };
    }

    private static string[] Tags(ProjectStatus status) => status switch
    {
        ProjectStatus.Published or ProjectStatus.Bidding or ProjectStatus.EvaluatingBids => ["tender"],
        ProjectStatus.Cancelled => ["tenderCancellation"],
        ProjectStatus.Unsuccessful => ["tenderUpdate"],
        ProjectStatus.Awarded => ["tender", "award"],
        ProjectStatus.Contracted => ["tender", "award", "contract"],
        ProjectStatus.InService or ProjectStatus.Evaluated => ["tender", "award", "contract", "implementation"],
        ProjectStatus.Closed => ["tender", "award", "contract", "implementation", "contractTermination"],
        _ => ["planning"],
    };

    private static string TenderStatus(ProjectStatus status) => status switch
    {
        ProjectStatus.Published or ProjectStatus.Bidding => "active",
        ProjectStatus.Cancelled => "cancelled",
        ProjectStatus.Unsuccessful => "unsuccessful",
        ProjectStatus.EvaluatingBids => "active",
        _ => "complete",
    };

    public static string Method(PurchaseMethod method) => method switch
    {
        PurchaseMethod.OpenTender => "open",
        PurchaseMethod.InvitedTender => "selective",
        PurchaseMethod.CompetitiveNegotiation or PurchaseMethod.CompetitiveConsultation or PurchaseMethod.RequestForQuotation => "limited",
        _ => "direct",
    };
}
