using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Library;
using Assistant.Api.Organisations;
using Assistant.Api.Ratings;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Reports;

/// <summary>
/// The year-end statistics table departments report to finance (年度统计): per department and in total, the projects,
/// budget, contract amounts and payments, methods used, providers by type, average satisfaction and evaluation grades.
/// This is the one computation of the table; the JSON, CSV and XLSX outputs (and other exports) all use it.
/// </summary>
public static class YearEndReport
{
    public const string TotalLabel = "合计";

    public static async Task<YearEndReportDto> ComputeAsync(IDocumentStore store, int year, string? department, string? region, CancellationToken ct)
    {
        // Cancelled projects bought nothing; every other project of the year counts (planned, running or done).
        var entries = (await ProjectLibrary.EntriesAsync(store, year, department, region, ct))
            .Where(e => e.Project.Status != ProjectStatus.Cancelled).ToList();
        var facts = await FactsAsync(store, entries.Select(e => e.Contract).OfType<Contract>().ToList(), ct);

        var rows = entries.GroupBy(e => e.Project.Department).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToList(), facts)).ToList();
        var scope = department ?? region ?? "全部地区";
        return new YearEndReportDto(year, scope, rows, Row(TotalLabel, entries, facts));
    }

    private sealed record ContractFacts(ProviderKind? ProviderKind, List<int> Scores, List<EvaluationGrade> Grades);

    private static async Task<Dictionary<string, ContractFacts>> FactsAsync(IDocumentStore store, IReadOnlyList<Contract> contracts, CancellationToken ct)
    {
        // Ratings and evaluations by the indexed contract id (a large IN list is slower on LiteDB); providers are few, so cached.
        var organisations = new Dictionary<string, Organisation?>();
        var facts = new Dictionary<string, ContractFacts>();
        foreach (var c in contracts)
        {
            var id = c.Id;
            if (!organisations.TryGetValue(c.OrganisationId, out var organisation))
                organisations[c.OrganisationId] = organisation = await store.Collection<Organisation>().GetAsync(c.OrganisationId, ct);
            var ratings = await store.Collection<Rating>().FindAsync(r => r.ContractId == id, ct: ct);
            var evaluations = await store.Collection<Evaluation>().FindAsync(e => e.ContractId == id, ct: ct);
            facts[c.Id] = new ContractFacts(organisation?.Kind,
                ratings.Where(r => !r.Voided && r.RatesRectificationCaseId is null).Select(r => r.Score).ToList(),
                evaluations.Where(e => e.Grade is not null).Select(e => e.Grade!.Value).ToList());
        }
        return facts;
    }

    private static YearEndRowDto Row(string department, IReadOnlyList<ProjectLibrary.Entry> entries, Dictionary<string, ContractFacts> facts)
    {
        var contracts = entries.Select(e => e.Contract).OfType<Contract>().ToList();
        var contractFacts = contracts.Select(c => facts[c.Id]).ToList();
        var scores = contractFacts.SelectMany(f => f.Scores).ToList();

        var methods = entries.GroupBy(e => e.Project.Method).OrderBy(g => g.Key)
            .Select(g => new CountDto(g.Key.ToString(), g.Key.Label(), g.Count())).ToList();
        // A provider is counted once per row however many contracts it holds.
        var providers = contracts.DistinctBy(c => c.OrganisationId).Select(c => facts[c.Id].ProviderKind).ToList();
        var kinds = Enum.GetValues<ProviderKind>()
            .Select(k => new CountDto(k.ToString(), k.Label(), providers.Count(p => p == k))).ToList();
        var grades = Enum.GetValues<EvaluationGrade>()
            .Select(g => new CountDto(g.ToString(), g.Label(), contractFacts.Sum(f => f.Grades.Count(x => x == g)))).ToList();

        return new YearEndRowDto(
            department, entries.Count, contracts.Count,
            entries.Sum(e => e.Project.Budget), contracts.Sum(c => c.Amount), contracts.Sum(c => c.PaidSoFar()),
            methods, kinds,
            scores.Count == 0 ? null : Math.Round((decimal)scores.Average(), 2), scores.Count,
            grades);
    }
}
