using Assistant.Api.Contracting;
using Assistant.Api.Projects;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Tests.Evaluations;

/// <summary>A fresh project of 上虞区民政局 in service with its contract (provider org-kangle), so evaluations start from no ratings.</summary>
public static class ServiceFixture
{
    public static async Task<(Project Project, Contract Contract)> InServiceAsync(IDocumentStore store, DateTime now, TimeSpan endsIn)
    {
        var id = $"SY-T{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var project = new Project
        {
            Id = id, Name = $"测试助餐服务项目 {id}", Department = "上虞区民政局", Region = "上虞区", CatalogueCode = "A0101",
            Category = "居家养老服务", Year = now.Year, Budget = 500_000m, Method = PurchaseMethod.OpenTender, CreatedAt = now.AddDays(-400),
            AwardedOrganisationId = "org-kangle", ServiceStart = now.AddDays(-300), ServiceEnd = now + endsIn, EvaluationDue = now + endsIn,
        };
        foreach (var next in new[] { ProjectStatus.Published, ProjectStatus.Bidding, ProjectStatus.EvaluatingBids, ProjectStatus.Awarded, ProjectStatus.Contracted, ProjectStatus.InService })
            Assert.True(ProjectLifecycle.TryMove(project, next, "test", now.AddDays(-350), null, out _));
        var contract = new Contract
        {
            Id = $"HT-{id}", ProjectId = id, OrganisationId = "org-kangle", Department = project.Department, Amount = 480_000m,
            PeriodStart = now.AddDays(-300), PeriodEnd = now + endsIn, SignedAt = now.AddDays(-310),
            PaymentSchedule =
            [
                new PaymentInstalment { Name = "首期", Amount = 336_000m, Due = now.AddDays(-300), PaidAt = now.AddDays(-299) },
                new PaymentInstalment { Name = "尾款", Amount = 144_000m, Due = now + endsIn, DependsOnEvaluation = true },
            ],
        };
        project.ContractId = contract.Id;
        await store.Collection<Project>().InsertAsync(project);
        await store.Collection<Contract>().InsertAsync(contract);
        return (project, contract);
    }
}
