using Assistant.Api.Projects;
using Assistant.Contracts.Domain;
using Assistant.Contracts.Text;
using static Assistant.Contracts.Domain.ProjectStatus;
using static Assistant.Contracts.Domain.PurchaseMethod;

namespace Assistant.Api.Demo;

/// <summary>Projects across five regions in every lifecycle state, with deadlines relative to today so the demo stays live.</summary>
internal static class DemoProjects
{
    private sealed record Spec(string Code, string Name, string Department, string Region, string Catalogue, string Category,
        decimal Budget, PurchaseMethod Method, ProjectStatus Status, int DeadlineDays, int MinYears = 0, string? Awardee = null);

    private static readonly Spec[] Specs =
    [
        new("SY-2026-001", "上虞区居家养老上门服务项目", "上虞区民政局", "上虞区", "A0101", "居家养老服务", 680_000m, OpenTender, Bidding, 18, MinYears: 2),
        new("SY-2026-002", "上虞区老年助餐服务项目", "上虞区民政局", "上虞区", "A0101", "居家养老服务", 450_000m, CompetitiveConsultation, Bidding, 9, MinYears: 2),
        new("SY-2026-003", "上虞区日间照料中心运营项目", "上虞区民政局", "上虞区", "A0102", "机构养老与日间照料", 1_200_000m, OpenTender, Published, 35, MinYears: 3),
        new("SY-2026-004", "上虞区社区邻里互助服务项目", "上虞区民政局", "上虞区", "B0101", "社区服务与治理", 260_000m, RequestForQuotation, Bidding, 12),
        new("SY-2026-005", "上虞区中小学校园安保服务项目", "上虞区教体局", "上虞区", "A0301", "校园安保服务", 1_500_000m, OpenTender, EvaluatingBids, -3),
        new("SY-2026-006", "上虞区城区路灯维护项目", "上虞区综合行政执法局", "上虞区", "C0401", "路灯及市政设施维护", 380_000m, CompetitiveNegotiation, Draft, 40),
        new("SY-2025-001", "上虞区居家养老服务项目（2025年度）", "上虞区民政局", "上虞区", "A0101", "居家养老服务", 640_000m, OpenTender, InService, -300, MinYears: 2, Awardee: DemoOrganisations.KangLe),
        new("SY-2025-002", "上虞区慢病随访公共卫生服务项目", "上虞区卫计局", "上虞区", "A0201", "公共卫生服务", 300_000m, CompetitiveConsultation, Evaluated, -320, Awardee: DemoOrganisations.KangLe),
        // Its year of service ended a few days ago: the evaluation 李科长 is asked for this month (journeys.md).
        new("SY-2025-004", "上虞区困难群众社会救助服务项目", "上虞区民政局", "上虞区", "B0201", "专业社会工作服务", 360_000m, CompetitiveConsultation, InService, -398, Awardee: DemoOrganisations.YangGuang),
        new("SY-2025-003", "上虞区乡镇路灯维护项目", "上虞区综合行政执法局", "上虞区", "C0401", "路灯及市政设施维护", 220_000m, RequestForQuotation, EvaluatingBids, -20),
        new("JB-2026-001", "江北区困境儿童社会工作服务项目", "江北区民政局", "江北区", "B0201", "专业社会工作服务", 520_000m, OpenTender, Bidding, 21, MinYears: 2),
        new("JB-2026-002", "江北区残疾人居家康复服务项目", "江北区残联", "江北区", "A0501", "残疾人康复服务", 360_000m, CompetitiveConsultation, Published, 30),
        new("JB-2026-003", "江北区数字城管信息采集项目", "江北区城市管理局", "江北区", "C0301", "数字城管信息采集", 900_000m, OpenTender, Contracted, -60, Awardee: DemoOrganisations.YangGuang),
        new("JB-2025-001", "江北区社区矫正社会工作服务项目", "江北区司法局", "江北区", "B0201", "专业社会工作服务", 280_000m, SingleSource, Closed, -400, Awardee: DemoOrganisations.YangGuang),
        new("JB-2025-002", "江北区留守老人关爱服务项目", "江北区民政局", "江北区", "B0201", "专业社会工作服务", 330_000m, CompetitiveNegotiation, InService, -250, Awardee: DemoOrganisations.YangGuang),
        new("AY-2026-001", "安阳市中小学校园安保服务项目", "安阳市教育局", "安阳市", "A0301", "校园安保服务", 2_400_000m, OpenTender, Bidding, 15, MinYears: 3),
        new("AY-2026-002", "安阳市全民阅读推广活动项目", "安阳市文化广电和旅游局", "安阳市", "A0401", "公共文化服务", 180_000m, RequestForQuotation, Bidding, 7),
        new("AY-2026-003", "安阳市就业技能培训项目", "安阳市人力资源和社会保障局", "安阳市", "A0601", "就业培训服务", 750_000m, OpenTender, Unsuccessful, -10),
        new("AY-2025-001", "安阳市公共文化惠民演出项目", "安阳市文化广电和旅游局", "安阳市", "A0401", "公共文化服务", 420_000m, CompetitiveConsultation, InService, -200, Awardee: DemoOrganisations.AnTai),
        new("FCG-2026-001", "防城港市近岸海域水质监测项目", "防城港市生态环境局", "防城港市", "C0101", "环境监测服务", 880_000m, OpenTender, Bidding, 25, MinYears: 2),
        new("FCG-2026-002", "防城港市食品安全抽检项目", "防城港市市场监督管理局", "防城港市", "C0201", "检验检测服务", 560_000m, OpenTender, Awarded, -15, Awardee: DemoOrganisations.LvYuan),
        new("FCG-2026-003", "防城港市养老机构等级评定第三方评估项目", "防城港市民政局", "防城港市", "D0201", "绩效评价与第三方评估", 150_000m, RequestForQuotation, Cancelled, -5),
        new("XN-2026-001", "咸宁市社区居家养老服务项目", "咸宁市民政局", "咸宁市", "A0101", "居家养老服务", 800_000m, OpenTender, Bidding, 28, MinYears: 2),
        new("XN-2026-002", "咸宁市矛盾纠纷人民调解服务项目", "咸宁市司法局", "咸宁市", "B0301", "矛盾纠纷调解服务", 240_000m, CompetitiveNegotiation, Published, 40),
        new("XN-2025-001", "咸宁市政府购买服务绩效第三方评价项目", "咸宁市财政局", "咸宁市", "D0201", "绩效评价与第三方评估", 200_000m, SingleSource, Evaluated, -330, Awardee: DemoOrganisations.YangGuang),
    ];

    private static readonly ProjectStatus[] Path =
        [Draft, Published, Bidding, EvaluatingBids, Awarded, Contracted, InService, Evaluated, Closed];

    public static IEnumerable<(Project Project, string? Awardee)> All(DateTime now) =>
        Specs.Select(s => (Build(s, now), s.Awardee));

    private static Project Build(Spec s, DateTime now)
    {
        var bidDeadline = now.Date.AddDays(s.DeadlineDays).AddHours(9);
        var published = bidDeadline.AddDays(-30);
        var project = new Project
        {
            Id = s.Code, Name = s.Name, Department = s.Department, Region = s.Region, CatalogueCode = s.Catalogue, Category = s.Category,
            Year = int.Parse(s.Code.Split('-')[1]), Budget = s.Budget, Method = s.Method, Status = Draft,
            Content = $"{s.Name}：由{s.Department}向社会力量购买{s.Category}，服务范围覆盖{s.Region}，按合同约定的数量、质量和时限提供服务。",
            ServiceStandard = "按照国家和地方相关服务规范执行，建立服务台账，接受购买主体和服务对象监督。",
            Requirements = new ProjectRequirements
            {
                MinYearsEstablished = s.MinYears,
                Notes = s.MinYears > 0 ? $"成立满{s.MinYears}年，具有独立承担民事责任的能力，近三年无重大违法记录" : "具有独立承担民事责任的能力，近三年无重大违法记录",
            },
            MethodJustification = s.Method == SingleSource ? "该服务仅有一家承接主体具备相应资质，经公示无异议" : null,
            PerformanceTargets = ["服务对象满意度不低于90%", "按期完成服务量", "服务台账完整率100%"],
            ClarificationDeadline = bidDeadline.AddDays(-5),
            BidDeadline = bidDeadline,
            CreatedAt = published.AddDays(-20),
            SearchText = ChineseScript.ToSimplified($"{s.Name} {s.Category} {s.Department} {s.Region}"),
        };
        var target = Array.IndexOf(Path, s.Status) is var i and >= 0 ? i : Array.IndexOf(Path, s.Status == Unsuccessful ? EvaluatingBids : Bidding);
        // A finished project (evaluated, closed) served nine months and was evaluated after its service ended; others serve a year.
        var serviceStart = bidDeadline.AddDays(30);
        var serviceEnd = target >= Array.IndexOf(Path, Evaluated) ? serviceStart.AddMonths(9) : serviceStart.AddYears(1);
        var at = published;
        for (var step = 1; step <= target; step++)
        {
            if (Path[step] == Evaluated) at = serviceEnd.AddDays(10);
            if (Path[step] == Closed) at = serviceEnd.AddDays(30);
            ProjectLifecycle.TryMove(project, Path[step], "demo", at, null, out _);
            at = step switch { 1 => published.AddDays(1), 2 => bidDeadline, _ => at.AddDays(10) };
        }
        if (s.Status is Cancelled or Unsuccessful) ProjectLifecycle.TryMove(project, s.Status, "demo", at, s.Status == Cancelled ? "预算调整，项目取消" : "有效投标不足三家", out _);
        if (project.Status >= Published) project.PublishedAt = published;
        if (project.Status is >= Awarded and <= Closed)
        {
            project.AwardedAt = bidDeadline.AddDays(10);
            project.AwardedOrganisationId = s.Awardee;
            project.ServiceStart = serviceStart;
            project.ServiceEnd = serviceEnd;
            project.EvaluationDue = project.ServiceEnd;
        }
        return project;
    }
}
