using Assistant.Platform.Storage;

namespace Assistant.Api.Contracting;

/// <summary>合同: signed on award; payments follow the schedule (国库集中支付, staged), released per evaluation.</summary>
public sealed class Contract : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string ProjectId { get; init; }
    public required string OrganisationId { get; init; }
    public required string Department { get; init; }
    public decimal Amount { get; set; }
    public string Scope { get; set; } = "";
    public string Quantity { get; set; } = "";
    public string Quality { get; set; } = "";
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }
    public List<PaymentInstalment> PaymentSchedule { get; set; } = [];
    public string Liabilities { get; set; } = "";
    public DateTime SignedAt { get; set; }
    public decimal PaidSoFar() => PaymentSchedule.Where(p => p.PaidAt is not null).Sum(p => p.Amount);
}

public sealed class PaymentInstalment
{
    public string Name { get; set; } = "";
    public decimal Amount { get; set; }
    public DateTime Due { get; set; }
    /// <summary>Released only when the evaluation allows it (e.g. final instalment after 绩效评价).</summary>
    public bool DependsOnEvaluation { get; set; }
    public DateTime? PaidAt { get; set; }
}
