using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Contracting;
using Assistant.Api.Projects;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using static Assistant.Api.Tests.Plans.PlanTestKit;

namespace Assistant.Api.Tests.Library;

/// <summary>项目库: budget versus contract versus paid, flagged where the actual exceeds the plan.</summary>
public sealed class LibraryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Rows_show_budget_contract_paid_and_remaining_from_the_contract_payments()
    {
        var staff = await factory.ClientForAsync("staff");
        var library = await staff.GetFromJsonAsync<LibraryDto>("/api/library?year=2025", Json.Options);

        Assert.NotEmpty(library!.Rows);
        Assert.All(library.Rows, r => Assert.Equal(Civil, r.Department));
        var contracted = library.Rows.Where(r => r.ContractAmount is not null).ToList();
        Assert.NotEmpty(contracted);
        foreach (var row in contracted)
        {
            var contract = (await factory.Store.Collection<Contract>().FindAsync(c => c.ProjectId == row.ProjectId)).Single();
            Assert.Equal(contract.Amount, row.ContractAmount);
            Assert.Equal(contract.PaidSoFar(), row.PaidSoFar);
            Assert.Equal(row.Budget - row.PaidSoFar, row.Remaining);
        }
        Assert.All(library.Rows, r => Assert.True(r.PlanApproved, $"{r.ProjectId} has no approved plan item"));
        Assert.Equal(library.Rows.Sum(r => r.Budget), library.TotalBudget);
    }

    [Fact]
    public async Task Contracts_and_payments_above_the_budget_are_flagged()
    {
        var finance = await factory.ClientForAsync("finance");
        var project = new Project
        {
            Id = "SY-2071-001", Name = "超预算测试项目", Department = Civil, Region = "上虞区", CatalogueCode = "A0101", Category = "居家养老服务",
            Year = 2071, Budget = 100_000m, Status = ProjectStatus.InService, ContractId = "HT-SY-2071-001",
        };
        await factory.Store.Collection<Project>().InsertAsync(project);
        await factory.Store.Collection<Contract>().InsertAsync(new Contract
        {
            Id = "HT-SY-2071-001", ProjectId = project.Id, OrganisationId = "none", Department = Civil, Amount = 120_000m,
            PaymentSchedule =
            [
                new PaymentInstalment { Name = "首期", Amount = 70_000m, PaidAt = new DateTime(2071, 3, 1) },
                new PaymentInstalment { Name = "二期", Amount = 60_000m, PaidAt = new DateTime(2071, 9, 1) },
                new PaymentInstalment { Name = "尾款", Amount = 10_000m },
            ],
        });

        var library = await finance.GetFromJsonAsync<LibraryDto>("/api/library?year=2071", Json.Options);

        var row = Assert.Single(library!.Rows);
        Assert.Equal((120_000m, 130_000m, -30_000m), (row.ContractAmount!.Value, row.PaidSoFar, row.Remaining));
        Assert.True(row.ContractOverBudget);
        Assert.True(row.PaymentsOverBudget);
        Assert.True(row.PaymentsOverContract);
        Assert.False(row.PlanApproved);
        Assert.Equal(1, library.FlaggedCount);
    }

    [Fact]
    public async Task Staff_see_their_own_department_and_finance_sees_all()
    {
        var (staff, finance) = (await factory.ClientForAsync("staff"), await factory.ClientForAsync("finance"));
        var all = await finance.GetFromJsonAsync<LibraryDto>("/api/library?year=2026", Json.Options);
        Assert.True(all!.Rows.Select(r => r.Department).Distinct().Count() > 3);
        var one = await finance.GetFromJsonAsync<LibraryDto>($"/api/library?year=2026&department={Uri.EscapeDataString("江北区民政局")}", Json.Options);
        Assert.All(one!.Rows, r => Assert.Equal("江北区民政局", r.Department));

        await ProblemAsync(await staff.GetAsync($"/api/library?department={Uri.EscapeDataString("江北区民政局")}"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/library")).StatusCode);
        Assert.True((await ValidationProblemAsync(await staff.GetAsync("/api/library?year=99999"))).Errors.ContainsKey("year"));
    }
}
