using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Exports;

/// <summary>
/// 年度统计表: one row per purchasing department for a budget year — projects (drafts not counted), budget, contracts,
/// methods used, providers by kind, recipients' satisfaction (counted ratings submitted in that calendar year) and grades.
/// </summary>
public static class YearEndStatistics
{
    public static readonly string[] Headers =
    [
        "购买主体", "项目数", "预算金额（元）", "合同数", "合同金额（元）", "购买方式", "承接主体（按类型）",
        "服务对象评价数", "平均满意度（1–5）", "满意率（%）", "优秀", "良好", "合格", "不合格",
    ];

    public static async Task<Table> BuildAsync(IDocumentStore store, int year, Func<string, bool> canSee, CancellationToken ct)
    {
        var projects = (await store.Collection<Project>().FindAsync(p => p.Year == year && p.Status != ProjectStatus.Draft, ct: ct))
            .Where(p => canSee(p.Department)).ToList();
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        var rows = new List<object?[]>();
        foreach (var dept in projects.GroupBy(p => p.Department).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var contracts = new List<Contract>();
            var ratings = new List<Rating>();
            var evaluations = new List<Evaluation>();
            foreach (var project in dept)
            {
                var id = project.Id;
                contracts.AddRange(await store.Collection<Contract>().FindAsync(c => c.ProjectId == id, ct: ct));
                ratings.AddRange((await store.Collection<Rating>().FindAsync(r => r.ProjectId == id && !r.Voided && r.SubmittedAt >= from && r.SubmittedAt < to, ct: ct))
                    .Where(r => r.RatesRectificationCaseId is null));
                evaluations.AddRange(await store.Collection<Evaluation>().FindAsync(e => e.ProjectId == id, ct: ct));
            }
            var kinds = new Dictionary<ProviderKind, int>();
            foreach (var orgId in contracts.Select(c => c.OrganisationId).Distinct())
                if (await store.Collection<Organisation>().GetAsync(orgId, ct) is { } org)
                    kinds[org.Kind] = kinds.GetValueOrDefault(org.Kind) + 1;
            rows.Add(
            [
                dept.Key, dept.Count(), dept.Sum(p => p.Budget), contracts.Count, contracts.Sum(c => c.Amount),
                string.Join("；", dept.GroupBy(p => p.Method).OrderBy(g => g.Key).Select(g => $"{g.Key.Label()} {g.Count()}")),
                string.Join("；", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key.Label()} {k.Value}")),
                ratings.Count,
                ratings.Count == 0 ? null : Math.Round((decimal)ratings.Average(r => r.Score), 2),
                ratings.Count == 0 ? null : Math.Round(100m * ratings.Count(r => r.Score >= 3) / ratings.Count, 1),
                .. Enum.GetValues<EvaluationGrade>().Select(g => (object?)evaluations.Count(e => e.Grade == g)),
            ]);
        }
        return new Table($"{year}年度统计", Headers, rows);
    }
}
