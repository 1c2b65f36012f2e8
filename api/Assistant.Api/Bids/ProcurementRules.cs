using Assistant.Api.Projects;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Bids;

/// <summary>
/// Rules that depend on the purchase method (政府采购法 and its implementing rules as the policies cite them):
/// 公开招标 is the default; other methods above the tender threshold need a recorded justification, 单一来源 always;
/// each method has a minimum bidding period and a minimum number of valid bids before an award.
/// </summary>
public static class ProcurementRules
{
    public static int MinimumBidders(PurchaseMethod method) => method switch
    {
        PurchaseMethod.OpenTender or PurchaseMethod.InvitedTender => 3,
        PurchaseMethod.CompetitiveNegotiation or PurchaseMethod.RequestForQuotation => 3,
        // 财库〔2015〕124号: for 政府购买服务 projects a 竞争性磋商 may proceed with two suppliers.
        PurchaseMethod.CompetitiveConsultation => 2,
        _ => 1,
    };

    /// <summary>Days from publication to the bid deadline at the least (招标 20 days, 磋商 10, 谈判/询价 3).</summary>
    public static int MinimumBiddingDays(PurchaseMethod method) => method switch
    {
        PurchaseMethod.OpenTender or PurchaseMethod.InvitedTender => 20,
        PurchaseMethod.CompetitiveConsultation => 10,
        PurchaseMethod.CompetitiveNegotiation or PurchaseMethod.RequestForQuotation => 3,
        _ => 0,
    };

    /// <summary>What stops publication, or the opening of bidding, under the project's method; empty when none.</summary>
    /// <param name="p">The project as it would be published.</param>
    /// <param name="now">Server time, against which the bid deadline is checked.</param>
    /// <param name="limits">The region's thresholds (Procurement:Thresholds), the same ones the purchase plan was checked against.</param>
    public static List<string> PublishErrors(Project p, DateTime now, Plans.MethodThresholds limits)
    {
        var errors = new List<string>();
        var method = p.Method.Label();
        if (p.Method == PurchaseMethod.SingleSource && string.IsNullOrWhiteSpace(p.MethodJustification))
            errors.Add("单一来源采购必须记录采用该方式的理由（如：只能从唯一承接主体处购买）");
        else if (p.Method != PurchaseMethod.OpenTender && p.Budget > limits.TenderLimit && string.IsNullOrWhiteSpace(p.MethodJustification))
            errors.Add($"预算超过公开招标限额（{limits.TenderLimit / 10000m:0.##}万元），采用{method}须记录理由（如财政部门批准文号）");
        if (p.BidDeadline is not { } deadline || deadline <= now) errors.Add("投标截止时间已过或未设定，请先调整截止时间");
        else if ((deadline - (p.PublishedAt ?? now)).TotalDays < MinimumBiddingDays(p.Method))
            errors.Add($"{method}自公告之日起至投标截止不得少于{MinimumBiddingDays(p.Method)}日");
        if (p.ClarificationDeadline is { } c && p.BidDeadline is { } b && c > b)
            errors.Add("澄清截止时间不能晚于投标截止时间");
        return errors;
    }

    /// <summary>Why the project cannot be awarded with these bids, or null. Fewer valid bids than the method needs means 流标.</summary>
    public static string? AwardError(Project p, IReadOnlyList<Bid> bids)
    {
        var valid = bids.Count(b => b.DeclaredNotExcluded && b.Price <= p.Budget);
        var needed = MinimumBidders(p.Method);
        if (valid < needed)
            return $"{p.Method.Label()}项目至少需要{Organisations.Eligibility.Numeral(needed)}家有效投标，目前只有{valid}家，不能定标；请宣布流标后重新组织采购";
        if (p.Method == PurchaseMethod.SingleSource && string.IsNullOrWhiteSpace(p.MethodJustification))
            return "单一来源采购未记录采用该方式的理由，不能定标";
        return null;
    }

    /// <summary>Bid contents stay sealed until bidding has closed (the project has left 投标中).</summary>
    public static bool BidsUnsealed(Project p) =>
        p.Status is not (ProjectStatus.Draft or ProjectStatus.Published or ProjectStatus.Bidding)
        && p.History.Any(h => h.From == ProjectStatus.Bidding);
}
