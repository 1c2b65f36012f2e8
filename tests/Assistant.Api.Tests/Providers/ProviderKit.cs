using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Api.Projects;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Contracts.Text;

namespace Assistant.Api.Tests.Providers;

/// <summary>Builds fresh organisations (registered over HTTP, verified by staff) and projects, so tests never share state.</summary>
public static class ProviderKit
{
    public const string Password = "provider-pass-1";

    public static string NewCreditCode(ProviderKind kind = ProviderKind.SocialOrganisation)
    {
        var prefix = kind switch { ProviderKind.Enterprise => "91330604", ProviderKind.Institution => "12330604", _ => "52330604" };
        return CreditCode.Complete(prefix + Random.Shared.Next(0, 1_000_000_000).ToString("D9"));
    }

    public static RegisterOrganisationRequest Registration(
        string? creditCode = null, ProviderKind kind = ProviderKind.SocialOrganisation, string[]? categories = null, string[]? regions = null,
        DateTime? established = null, string[]? qualifications = null, bool account = true) =>
        new($"测试社会服务中心{Random.Shared.Next(1000, 9999)}", creditCode ?? NewCreditCode(kind), kind, "张三", "138 0575 1234",
            categories ?? ["A0101", "B0101"], regions ?? ["上虞区"], established ?? new DateTime(2015, 6, 1), qualifications,
            account ? $"t{Guid.NewGuid():N}"[..20] : null, account ? Password : null);

    public static async Task<RegistrationResultDto> RegisterAsync(ApiFactory factory, RegisterOrganisationRequest request)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/organisations", request, Json.Options);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RegistrationResultDto>(Json.Options))!;
    }

    /// <summary>A registered organisation verified by staff, and a client signed in as its own user.</summary>
    public static async Task<(OrganisationDto Organisation, HttpClient Client)> VerifiedAsync(ApiFactory factory, RegisterOrganisationRequest? request = null)
    {
        var registered = await RegisterAsync(factory, request ?? Registration());
        var staff = await factory.ClientForAsync("staff");
        (await staff.PostAsync($"/api/organisations/{registered.Organisation.Id}/verify", null)).EnsureSuccessStatusCode();
        return (registered.Organisation, await SignInAsync(factory, registered.Username!, Password));
    }

    public static async Task<HttpClient> SignInAsync(ApiFactory factory, string username, string password)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, password));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A project of 上虞区民政局 in the given state, with a deadline relative to the factory's clock.</summary>
    public static async Task<string> ProjectAsync(ApiFactory factory, PurchaseMethod method = PurchaseMethod.OpenTender,
        ProjectStatus status = ProjectStatus.Bidding, decimal budget = 500_000m, TimeSpan? deadlineIn = null, int minYears = 0,
        string catalogue = "A0101", string region = "上虞区", string department = "上虞区民政局", string? justification = null,
        TimeSpan? clarificationIn = null)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var deadline = now + (deadlineIn ?? TimeSpan.FromDays(25));
        var project = new Project
        {
            Id = $"T-{Guid.NewGuid():N}"[..14].ToUpperInvariant(), Name = $"测试居家养老服务项目{Random.Shared.Next(100, 999)}", Department = department,
            Region = region, CatalogueCode = catalogue, Category = "居家养老服务", Year = now.Year, Budget = budget, Method = method,
            MethodJustification = justification, Content = "上门助餐助洁", ServiceStandard = "按规范执行",
            Requirements = new ProjectRequirements { MinYearsEstablished = minYears }, PerformanceTargets = ["满意度不低于90%"],
            BidDeadline = deadline, ClarificationDeadline = now + (clarificationIn ?? TimeSpan.FromDays(20)), CreatedAt = now,
        };
        project.SearchText = ChineseScript.ToSimplified(project.Name);
        foreach (var step in new[] { ProjectStatus.Published, ProjectStatus.Bidding, ProjectStatus.EvaluatingBids })
        {
            if (project.Status == status) break;
            ProjectLifecycle.TryMove(project, step, "test", now, null, out _);
            if (step == ProjectStatus.Published) project.PublishedAt = now;
        }
        if (status == ProjectStatus.Draft) await PlanAsync(factory, project);
        await factory.Store.Collection<Project>().InsertAsync(project);
        return project.Id;
    }

    /// <summary>A draft is publishable only from an approved plan item: give the test draft one.</summary>
    private static async Task PlanAsync(ApiFactory factory, Project project)
    {
        var plans = factory.Store.Collection<Assistant.Api.Plans.PurchasePlan>();
        var id = Assistant.Api.Plans.PurchasePlan.IdFor(project.Department, project.Year);
        project.PlanItemId = $"PI-{project.Id}";
        var item = new Assistant.Api.Plans.PlanItem
        {
            Id = project.PlanItemId, CatalogueCode = project.CatalogueCode, Name = project.Name, Budget = project.Budget,
            Method = project.Method, Region = project.Region, Status = Assistant.Contracts.Api.PlanItemStatus.Approved, ProjectId = project.Id,
        };
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var plan = await plans.GetAsync(id);
            if (plan is null)
            {
                try
                {
                    await plans.InsertAsync(new Assistant.Api.Plans.PurchasePlan { Id = id, Department = project.Department, Year = project.Year, BudgetLine = 100_000_000m, Items = [item] });
                    return;
                }
                catch (Assistant.Platform.Storage.DuplicateKeyException) { continue; }
            }
            plan.Items.Add(item);
            if (await plans.ReplaceAsync(plan)) return;
        }
        throw new InvalidOperationException("could not add the test plan item");
    }

    public static SubmitBidRequest Bid(decimal price = 450_000m) => new(price, "组建10人服务团队，每周上门两次", true);
}

public static class ClockTravel
{
    /// <summary>
    /// Moves the shared fake clock forward and back again on dispose: JWT lifetimes are validated against the real clock,
    /// so tokens issued while the clock is ahead would not be valid yet, and later tests in the class would fail.
    /// </summary>
    public static IDisposable Travel(this FakeClock clock, TimeSpan by)
    {
        var start = clock.GetUtcNow();
        clock.Advance(by);
        return new Restore(() => clock.Set(start));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
