using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Api.Auth;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Plans;

/// <summary>Requests and accounts the plan, library and report tests share. The demo staff account is 上虞区民政局.</summary>
public static class PlanTestKit
{
    public const string Civil = "上虞区民政局";

    public static PlanItemRequest Item(
        string name = "上虞区困境儿童社会工作服务项目", decimal budget = 300_000m, PurchaseMethod method = PurchaseMethod.CompetitiveConsultation,
        string code = "B0201", string? justification = null, string? region = "上虞区", string? content = null) =>
        new(code, name, content, budget, method, justification, ["服务对象满意度不低于90%", "个案服务不少于60例"], region);

    public static string PlanUrl(string department, int year) => $"/api/plans/{Uri.EscapeDataString(department)}/{year}";

    public static async Task SetBudgetLineAsync(HttpClient finance, string department, int year, decimal amount)
    {
        var response = await finance.PutAsJsonAsync($"{PlanUrl(department, year)}/budget-line", new BudgetLineRequest(amount));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<PlanItemDto> SubmitAsync(HttpClient staff, int year, PlanItemRequest item)
    {
        var response = await staff.PostAsJsonAsync($"/api/plans/{year}/items", item, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlanItemDto>(Json.Options))!;
    }

    public static async Task<PlanItemDto> ApproveAsync(HttpClient finance, string department, int year, string itemId)
    {
        var response = await finance.PostAsJsonAsync($"{PlanUrl(department, year)}/items/{itemId}/approve", new PlanReviewRequest(null));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PlanItemDto>(Json.Options))!;
    }

    public static async Task<ValidationProblemDetails> ValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
    }

    public static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    /// <summary>A purchaser staff account of another department, to check that departments only see their own data.</summary>
    public static async Task<HttpClient> StaffOfAsync(ApiFactory factory, string username, string department, string region)
    {
        var hasher = factory.Services.GetRequiredService<IPasswordHasher<User>>();
        var user = new User { Id = username, DisplayName = department, PasswordHash = "", Roles = [Roles.PurchaserStaff], Department = department, Region = region };
        user.PasswordHash = hasher.HashPassword(user, "demo");
        await factory.Store.Collection<User>().UpsertAsync(user);
        return await factory.ClientForAsync(username);
    }

    /// <summary>
    /// For tests that build a draft project directly in the store: gives it an approved plan item with its budget, as
    /// approval would, so that publication is allowed. Call before inserting the project.
    /// </summary>
    public static async Task AttachApprovedPlanItemAsync(ApiFactory factory, Api.Projects.Project project)
    {
        var plans = factory.Store.Collection<Api.Plans.PurchasePlan>();
        var id = Api.Plans.PurchasePlan.IdFor(project.Department, project.Year);
        var plan = await plans.GetAsync(id) ?? new Api.Plans.PurchasePlan { Id = id, Department = project.Department, Year = project.Year };
        var item = new Api.Plans.PlanItem
        {
            Id = plan.NextItemId(), CatalogueCode = project.CatalogueCode, Name = project.Name, Budget = project.Budget, Method = project.Method,
            Region = project.Region, PerformanceTargets = [.. project.PerformanceTargets], Status = PlanItemStatus.Approved, ProjectId = project.Id,
        };
        plan.Items.Add(item);
        plan.BudgetLine += project.Budget;
        await plans.UpsertAsync(plan);
        project.PlanItemId = item.Id;
    }

    /// <summary>Signs in on a factory derived with WithWebHostBuilder (other configuration), where ClientForAsync is not available.</summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string username)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, "demo"));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }
}
