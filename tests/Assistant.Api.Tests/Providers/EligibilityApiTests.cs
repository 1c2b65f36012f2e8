using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;

namespace Assistant.Api.Tests.Providers;

public sealed class EligibilityApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Open_projects_matching_category_and_region_are_eligible_with_why_they_fit()
    {
        var org = await factory.ClientForAsync("org");
        var result = await org.GetFromJsonAsync<EligibilityResultDto>("/api/organisations/org-kangle/eligible-projects", Json.Options);

        Assert.True(result!.CanBid);
        var homeCare = Assert.Single(result.Eligible, p => p.Project.Id == "SY-2026-001");
        Assert.Contains("服务类别相符（居家养老服务）", homeCare.Fits);
        Assert.Contains("服务区域相符（上虞区）", homeCare.Fits);
        Assert.Contains("成立满两年", homeCare.Fits);
        Assert.DoesNotContain(result.Eligible, p => p.Project.Region != "上虞区");
        Assert.DoesNotContain(result.Eligible.Concat(result.NotEligible), p => p.Project.Status is not (Contracts.Domain.ProjectStatus.Published or Contracts.Domain.ProjectStatus.Bidding));
        var elsewhere = Assert.Single(result.NotEligible, p => p.Project.Id == "JB-2026-001");
        Assert.Contains(elsewhere.Reasons, r => r.StartsWith("服务区域不符"));
        Assert.Contains(elsewhere.Reasons, r => r.StartsWith("服务类别不符"));
    }

    [Fact]
    public async Task A_young_organisation_is_told_it_has_not_existed_long_enough()
    {
        var staff = await factory.ClientForAsync("staff");
        var result = await staff.GetFromJsonAsync<EligibilityResultDto>("/api/organisations/org-xinmiao/eligible-projects", Json.Options);

        var homeCare = Assert.Single(result!.NotEligible, p => p.Project.Id == "SY-2026-001");
        Assert.Contains(homeCare.Reasons, r => r.StartsWith("成立未满两年"));
        Assert.Contains(result.Eligible, p => p.Project.Id == "SY-2026-004");
    }

    [Fact]
    public async Task Budget_and_deadline_filters_narrow_the_list()
    {
        var org = await factory.ClientForAsync("org");
        var rich = await org.GetFromJsonAsync<EligibilityResultDto>("/api/organisations/org-kangle/eligible-projects?minBudget=500000", Json.Options);
        Assert.Contains(rich!.Eligible, p => p.Project.Id == "SY-2026-001");
        Assert.All(rich.Eligible.Concat(rich.NotEligible), p => Assert.True(p.Project.Budget >= 500_000m));

        var to = factory.Clock.GetUtcNow().UtcDateTime.AddDays(10).ToString("o");
        var soon = await org.GetFromJsonAsync<EligibilityResultDto>($"/api/organisations/org-kangle/eligible-projects?deadlineTo={Uri.EscapeDataString(to)}", Json.Options);
        Assert.Contains(soon!.Eligible, p => p.Project.Id == "SY-2026-002");
        Assert.DoesNotContain(soon.Eligible, p => p.Project.Id == "SY-2026-001");

        var bad = await org.GetAsync("/api/organisations/org-kangle/eligible-projects?minBudget=9&maxBudget=1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_pending_organisation_cannot_bid_anywhere_and_is_told_why()
    {
        var staff = await factory.ClientForAsync("staff");
        var result = await staff.GetFromJsonAsync<EligibilityResultDto>("/api/organisations/org-lvyuan/eligible-projects", Json.Options);

        Assert.False(result!.CanBid);
        Assert.Empty(result.Eligible);
        Assert.Contains("审核", result.BlockedReason);
        Assert.All(result.NotEligible, p => Assert.Equal(result.BlockedReason, p.Reasons[0]));
    }

    [Fact]
    public async Task An_organisation_cannot_look_at_another_organisations_eligibility()
    {
        var org = await factory.ClientForAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.GetAsync("/api/organisations/org-yangguang/eligible-projects")).StatusCode);
    }
}
