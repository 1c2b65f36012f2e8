using Assistant.Api.Auth;
using Assistant.Api.Catalogue;
using Assistant.Api.Contracting;
using Assistant.Api.Evaluations;
using Assistant.Api.Organisations;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Demo;

/// <summary>
/// Loads demo data into an empty store on first start (Store:SeedDemoData, on by default; turn it off in production).
/// The demo accounts staff / finance / org / admin all have the password "demo".
/// </summary>
internal sealed class DemoSeeder(IPasswordHasher<User> hasher, TimeProvider clock, IOptions<EvaluationOptions> evaluations, ILogger<DemoSeeder> logger) : IStoreSeeder
{
    public const string DemoPassword = "demo";

    public async Task SeedAsync(IDocumentStore store, CancellationToken ct)
    {
        if (await store.Collection<CatalogueItem>().CountAsync(_ => true, ct) > 0) return;
        var now = clock.GetUtcNow().UtcDateTime;

        await store.Collection<CatalogueItem>().InsertManyAsync(
            DemoCatalogue.Items(now.Year - 1).Concat(DemoCatalogue.Items(now.Year)).ToList(), ct);
        await store.Collection<Organisation>().InsertManyAsync(DemoOrganisations.All(now).ToList(), ct);
        var projects = DemoProjects.All(now).ToList();
        await store.Collection<Project>().InsertManyAsync(projects.Select(p => p.Project).ToList(), ct);

        var contracts = projects.Where(p => p.Awardee is not null && p.Project.Status is >= ProjectStatus.Contracted and <= ProjectStatus.Closed)
            .Select(p => ContractFor(p.Project, p.Awardee!)).ToList();
        foreach (var (project, _) in projects.Where(p => p.Project.Status >= ProjectStatus.Contracted && p.Awardee is not null))
            project.ContractId = contracts.First(c => c.ProjectId == project.Id).Id;
        foreach (var (project, _) in projects.Where(p => p.Project.ContractId is not null))
            await store.Collection<Project>().ReplaceAsync(project, ct);
        await store.Collection<Contract>().InsertManyAsync(contracts, ct);
        var finished = projects.Where(p => p.Project.Status is ProjectStatus.Evaluated or ProjectStatus.Closed && p.Project.ContractId is not null)
            .Select(p => (p.Project, contracts.First(c => c.Id == p.Project.ContractId))).ToList();
        await store.Collection<Evaluation>().InsertManyAsync(DemoEvaluations.For(finished, evaluations.Value).ToList(), ct);

        var (ratings, cases) = DemoRatings(contracts.Where(c => c.ProjectId is "SY-2025-001" or "JB-2025-002" or "AY-2025-001"), now);
        await store.Collection<Rating>().InsertManyAsync(ratings, ct);
        await store.Collection<RectificationCase>().InsertManyAsync(cases, ct);
        await store.Collection<User>().InsertManyAsync(Users().ToList(), ct);
        logger.LogInformation("Demo data loaded: {Projects} projects, {Contracts} contracts, {Ratings} ratings", projects.Count, contracts.Count, ratings.Count);
    }

    private static Contract ContractFor(Project project, string organisationId) => new()
    {
        Id = $"HT-{project.Id}",
        ProjectId = project.Id,
        OrganisationId = organisationId,
        Department = project.Department,
        Amount = Math.Round(project.Budget * 0.94m, 0),
        Scope = project.Content,
        Quantity = "按年度服务计划执行",
        Quality = project.ServiceStandard,
        PeriodStart = project.ServiceStart ?? project.CreatedAt,
        PeriodEnd = project.ServiceEnd ?? project.CreatedAt.AddYears(1),
        Liabilities = "未达到服务标准的，按合同约定扣减服务费用；情节严重的解除合同并列入黑名单。",
        SignedAt = project.AwardedAt?.AddDays(7) ?? project.CreatedAt,
        PaymentSchedule =
        [
            new PaymentInstalment { Name = "首期款（合同签订后）", Amount = Math.Round(project.Budget * 0.94m * 0.4m, 0), Due = project.ServiceStart ?? project.CreatedAt, PaidAt = project.ServiceStart },
            new PaymentInstalment { Name = "中期款", Amount = Math.Round(project.Budget * 0.94m * 0.3m, 0), Due = (project.ServiceStart ?? project.CreatedAt).AddMonths(6) },
            new PaymentInstalment { Name = "尾款（绩效评价后）", Amount = Math.Round(project.Budget * 0.94m * 0.3m, 0), Due = project.ServiceEnd ?? project.CreatedAt.AddYears(1), DependsOnEvaluation = true },
        ],
    };

    private static (List<Rating>, List<RectificationCase>) DemoRatings(IEnumerable<Contract> contracts, DateTime now)
    {
        var ratings = new List<Rating>();
        var cases = new List<RectificationCase>();
        int[] scores = [5, 4, 5, 3, 5, 4, 2, 5, 4, 5, 5, 1];
        foreach (var contract in contracts)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                var id = $"demo-{contract.Id}-{i}";
                var rating = new Rating
                {
                    Id = id, ContractId = contract.Id, ProjectId = contract.ProjectId, OrganisationId = contract.OrganisationId,
                    LinkVisitKey = $"demo-link-{contract.Id}|{i}", Score = scores[i], SubmittedAt = now.AddDays(-60 + i * 5),
                    Dimensions = new() { ["服务态度"] = Math.Min(5, scores[i] + 1), ["及时性"] = scores[i] },
                    Comment = scores[i] <= 2 ? "上门时间比约定晚了一个多小时" : null,
                };
                if (scores[i] <= 2)
                {
                    var opened = rating.SubmittedAt;
                    var rectification = new RectificationCase
                    {
                        Id = $"ZG-{contract.Id}-{i}", RatingId = id, ContractId = contract.Id, ProjectId = contract.ProjectId,
                        OrganisationId = contract.OrganisationId, OpenedAt = opened, DueAt = opened.AddDays(7),
                        Status = i == scores.Length - 1 ? RectificationStatus.Open : RectificationStatus.Closed,
                    };
                    rating.RectificationCaseId = rectification.Id;
                    cases.Add(rectification);
                }
                ratings.Add(rating);
            }
        }
        return (ratings, cases);
    }

    private IEnumerable<User> Users()
    {
        User Make(string id, string name, string role, string? department = null, string? region = null, string? organisationId = null)
        {
            var user = new User { Id = id, DisplayName = name, PasswordHash = "", Roles = [role], Department = department, Region = region, OrganisationId = organisationId };
            user.PasswordHash = hasher.HashPassword(user, DemoPassword);
            return user;
        }
        yield return Make("staff", "李科长（上虞区民政局）", Roles.PurchaserStaff, department: "上虞区民政局", region: "上虞区");
        yield return Make("finance", "上虞区财政局", Roles.Finance, department: "上虞区财政局", region: "上虞区");
        yield return Make("org", "上虞区康乐居家养老服务中心", Roles.Organisation, organisationId: DemoOrganisations.KangLe);
        yield return Make("admin", "系统管理员", Roles.Admin);
    }
}
