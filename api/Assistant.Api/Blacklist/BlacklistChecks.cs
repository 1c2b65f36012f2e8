using Assistant.Platform.Storage;

namespace Assistant.Api.Blacklist;

/// <summary>Whether a provider is excluded right now, and the sentence that tells it why.</summary>
public static class BlacklistChecks
{
    public static async Task<BlacklistEntry?> InForceForOrganisationAsync(IDocumentStore store, string organisationId, DateTime now, CancellationToken ct)
    {
        var entries = await store.Collection<BlacklistEntry>().FindAsync(b => b.OrganisationId == organisationId, ct: ct);
        return entries.FirstOrDefault(b => b.InForce(now));
    }

    /// <summary>By normalised credit code, so a blacklisted provider cannot come back under a new record.</summary>
    public static async Task<BlacklistEntry?> InForceForCreditCodeAsync(IDocumentStore store, string creditCode, DateTime now, CancellationToken ct)
    {
        var entries = await store.Collection<BlacklistEntry>().FindAsync(b => b.CreditCode == creditCode, ct: ct);
        return entries.FirstOrDefault(b => b.InForce(now));
    }

    public static string Explain(BlacklistEntry entry) =>
        $"该机构已被列入黑名单（原因：{entry.Reason}），{entry.Until:yyyy年M月d日}前不得参与政府购买服务";
}
