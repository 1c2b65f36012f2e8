using Assistant.Api.Bids;
using Assistant.Api.Plans;
using Assistant.Api.Projects;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Tests.Providers;

/// <summary>
/// Publication checks the method against the same regional tender limit the purchase plan was checked against
/// (Procurement:Thresholds), not a second figure of its own.
/// </summary>
public sealed class ProcurementRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    private static Project Consultation(decimal budget, string? justification = null) => new()
    {
        Id = "SY-2026-950", Name = "上虞区困境儿童社会工作服务项目", Department = "上虞区民政局", Region = "上虞区", CatalogueCode = "B0201",
        Category = "社会工作服务", Year = 2026, Budget = budget, Status = ProjectStatus.Draft, Method = PurchaseMethod.CompetitiveConsultation,
        MethodJustification = justification, PublishedAt = Now, BidDeadline = Now.AddDays(15),
    };

    [Fact]
    public void Above_the_regions_tender_limit_another_method_needs_a_recorded_reason()
    {
        var errors = ProcurementRules.PublishErrors(Consultation(600_000m), Now, new MethodThresholds { TenderLimit = 500_000m });

        Assert.Contains(errors, e => e.Contains("公开招标限额（50万元）", StringComparison.Ordinal));
    }

    [Fact]
    public void Below_the_limit_or_with_a_reason_the_method_passes()
    {
        Assert.Empty(ProcurementRules.PublishErrors(Consultation(600_000m), Now, new MethodThresholds { TenderLimit = 1_000_000m }));
        Assert.Empty(ProcurementRules.PublishErrors(Consultation(600_000m, "财政部门批准：虞财采〔2026〕12号"), Now, new MethodThresholds { TenderLimit = 500_000m }));
    }
}
