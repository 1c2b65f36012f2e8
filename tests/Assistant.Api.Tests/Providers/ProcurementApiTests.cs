using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Contracting;
using Assistant.Api.Projects;
using Assistant.Api.Scheduling;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Providers;

public sealed class ProcurementApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private async Task<List<(OrganisationDto Org, HttpClient Client)>> BiddersAsync(string project, int count)
    {
        var bidders = new List<(OrganisationDto, HttpClient)>();
        for (var i = 0; i < count; i++)
        {
            var (org, client) = await ProviderKit.VerifiedAsync(factory);
            (await client.PostAsJsonAsync($"/api/projects/{project}/bids", ProviderKit.Bid(400_000m + i * 10_000m), Json.Options)).EnsureSuccessStatusCode();
            bidders.Add((org, client));
        }
        return bidders;
    }

    private async Task<string> CloseAsync(HttpClient staff, string project)
    {
        using (factory.Clock.Travel(TimeSpan.FromHours(2)))
            (await staff.PostAsync($"/api/projects/{project}/close-bidding", null)).EnsureSuccessStatusCode();
        return project;
    }

    [Fact]
    public async Task Open_tender_with_three_bids_is_closed_evaluated_awarded_and_gets_a_contract()
    {
        var staff = await factory.ClientForAsync("staff");
        var project = await ProviderKit.ProjectAsync(factory, deadlineIn: TimeSpan.FromHours(1));
        var bidders = await BiddersAsync(project, 3);
        var winner = bidders[1].Org;
        await CloseAsync(staff, project);

        var scores = bidders.ToDictionary(b => b.Org.Id, b => b.Org.Id == winner.Id ? 92m : 80m);
        var response = await staff.PostAsJsonAsync($"/api/projects/{project}/award",
            new AwardRequest(winner.Id, "综合评分最高", scores, new ContractTermsDto(Quantity: "每年服务老人2000人次")), Json.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<AwardResultDto>(Json.Options);
        Assert.Equal(ProjectStatus.Awarded, result!.Project.Status);
        Assert.Equal(410_000m, result.Contract.Amount);
        Assert.Equal("每年服务老人2000人次", result.Contract.Quantity);
        Assert.Equal(result.Contract.Amount, result.Contract.PaymentSchedule.Sum(p => p.Amount));
        Assert.True(result.Contract.PeriodEnd > result.Contract.PeriodStart);

        var own = await bidders[1].Client.GetFromJsonAsync<ContractDto>($"/api/projects/{project}/contract", Json.Options);
        Assert.Equal(result.Contract.Id, own!.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await bidders[0].Client.GetAsync($"/api/projects/{project}/contract")).StatusCode);
        var credit = await bidders[1].Client.GetFromJsonAsync<CreditRecordDto>($"/api/organisations/{winner.Id}/credit-record", Json.Options);
        Assert.Contains(credit!.Awards, a => a.ProjectId == project && a.Amount == 410_000m);
        Assert.Contains(credit.Bids, b => b.ProjectId == project && b.Awarded && b.EvaluationScore == 92m);

        var events = await factory.Store.Collection<AuditEvent>().FindAsync(e => e.ProjectId == project);
        Assert.Contains(events, e => e.Action == "project.awarded");
        Assert.Contains(events, e => e.Action == "contract.created");
        Assert.Equal(3, events.Count(e => e.Action == "bid.submitted"));
    }

    [Fact]
    public async Task An_award_stopped_before_its_contract_was_stored_is_finished_by_repeating_it()
    {
        var staff = await factory.ClientForAsync("staff");
        var project = await ProviderKit.ProjectAsync(factory, deadlineIn: TimeSpan.FromHours(1));
        var bidders = await BiddersAsync(project, 3);
        await CloseAsync(staff, project);
        var request = new AwardRequest(bidders[2].Org.Id, "综合评分最高", null, null);
        (await staff.PostAsJsonAsync($"/api/projects/{project}/award", request, Json.Options)).EnsureSuccessStatusCode();
        // As if the process had stopped after storing the project as awarded: no contract yet.
        var contractId = (await factory.Store.Collection<Project>().GetAsync(project))!.ContractId!;
        Assert.True(await factory.Store.Collection<Contract>().DeleteAsync(contractId));

        var toAnother = await staff.PostAsJsonAsync($"/api/projects/{project}/award", request with { OrganisationId = bidders[0].Org.Id }, Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toAnother.StatusCode);
        var again = await staff.PostAsJsonAsync($"/api/projects/{project}/award", request, Json.Options);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(contractId, (await again.Content.ReadFromJsonAsync<AwardResultDto>(Json.Options))!.Contract.Id);
        var contract = await bidders[2].Client.GetFromJsonAsync<ContractDto>($"/api/projects/{project}/contract", Json.Options);
        Assert.Equal(contractId, contract!.Id);
        Assert.Equal(410_000m + 10_000m, contract.Amount);
    }

    [Theory]
    [InlineData(PurchaseMethod.RequestForQuotation)]
    [InlineData(PurchaseMethod.CompetitiveNegotiation)]
    [InlineData(PurchaseMethod.OpenTender)]
    public async Task Too_few_bids_for_the_method_cannot_be_awarded_and_the_project_is_declared_unsuccessful(PurchaseMethod method)
    {
        var staff = await factory.ClientForAsync("staff");
        var project = await ProviderKit.ProjectAsync(factory, method, deadlineIn: TimeSpan.FromHours(1));
        var bidders = await BiddersAsync(project, 2);
        await CloseAsync(staff, project);

        var award = await staff.PostAsJsonAsync($"/api/projects/{project}/award", new AwardRequest(bidders[0].Org.Id, null, null), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, award.StatusCode);
        Assert.Contains("至少需要三家有效投标，目前只有2家", (await award.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var failed = await staff.PostAsJsonAsync($"/api/projects/{project}/declare-unsuccessful", new ReasonRequest("有效投标不足三家"), Json.Options);
        Assert.Equal(ProjectStatus.Unsuccessful, (await failed.Content.ReadFromJsonAsync<ProjectDetailsDto>(Json.Options))!.Status);
    }

    [Fact]
    public async Task Illegal_transitions_are_refused_with_the_reason()
    {
        var staff = await factory.ClientForAsync("staff");
        var published = await ProviderKit.ProjectAsync(factory, status: ProjectStatus.Published);

        var award = await staff.PostAsJsonAsync($"/api/projects/{published}/award", new AwardRequest("org-kangle", null, null), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, award.StatusCode);
        Assert.Equal("项目当前为“已公开”，不能直接变为“已定标”（下一步只能是：投标中、已取消）", (await award.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var bidding = await ProviderKit.ProjectAsync(factory);
        var early = await staff.PostAsync($"/api/projects/{bidding}/close-bidding", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Equal("投标尚未截止", (await early.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await staff.PostAsync($"/api/projects/{bidding}/open-bidding", null)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"/api/projects/{bidding}/cancel", new ReasonRequest(" "), Json.Options)).StatusCode);
        (await staff.PostAsJsonAsync($"/api/projects/{bidding}/cancel", new ReasonRequest("预算调整"), Json.Options)).EnsureSuccessStatusCode();
        var again = await staff.PostAsJsonAsync($"/api/projects/{bidding}/cancel", new ReasonRequest("再次取消"), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("不能再变更状态", (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [Fact]
    public async Task Opening_bidding_checks_the_method_rules_and_the_department()
    {
        var staff = await factory.ClientForAsync("staff");
        var single = await ProviderKit.ProjectAsync(factory, PurchaseMethod.SingleSource, status: ProjectStatus.Published);
        var refused = await staff.PostAsync($"/api/projects/{single}/open-bidding", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("单一来源采购必须记录采用该方式的理由", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var opened = await staff.PostAsJsonAsync($"/api/projects/{single}/open-bidding", new OpenBiddingRequest("仅一家机构具备资质"), Json.Options);
        var details = await opened.Content.ReadFromJsonAsync<ProjectDetailsDto>(Json.Options);
        Assert.Equal(ProjectStatus.Bidding, details!.Status);
        Assert.Equal("仅一家机构具备资质", details.MethodJustification);

        var tender = await ProviderKit.ProjectAsync(factory, status: ProjectStatus.Published, deadlineIn: TimeSpan.FromDays(5));
        var tooShort = await staff.PostAsync($"/api/projects/{tender}/open-bidding", null);
        Assert.Contains("公开招标自公告之日起至投标截止不得少于20日", (await tooShort.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var quotation = await ProviderKit.ProjectAsync(factory, PurchaseMethod.RequestForQuotation, status: ProjectStatus.Published,
            deadlineIn: TimeSpan.FromDays(5), clarificationIn: TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/projects/{quotation}/open-bidding", null)).StatusCode);

        var otherPublished = await ProviderKit.ProjectAsync(factory, status: ProjectStatus.Published, department: "上虞区教体局");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/projects/{otherPublished}/open-bidding", null)).StatusCode);
        var org = await factory.ClientForAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsync($"/api/projects/{otherPublished}/open-bidding", null)).StatusCode);
        var finance = await factory.ClientForAsync("finance");
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsync($"/api/projects/{otherPublished}/open-bidding", null)).StatusCode);
    }

    [Fact]
    public async Task Publishing_checks_the_method_rules_and_the_department()
    {
        var staff = await factory.ClientForAsync("staff");
        var single = await ProviderKit.ProjectAsync(factory, PurchaseMethod.SingleSource, status: ProjectStatus.Draft);
        var refused = await staff.PostAsJsonAsync($"/api/projects/{single}/publish", new PublishProjectRequest(), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("单一来源采购必须记录采用该方式的理由", (await refused.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var published = await staff.PostAsJsonAsync($"/api/projects/{single}/publish", new PublishProjectRequest(MethodJustification: "仅一家机构具备资质"), Json.Options);
        Assert.Equal(ProjectStatus.Published, (await published.Content.ReadFromJsonAsync<ProjectDetailsDto>(Json.Options))!.Status);

        var tender = await ProviderKit.ProjectAsync(factory, status: ProjectStatus.Draft, deadlineIn: TimeSpan.FromDays(5));
        var tooShort = await staff.PostAsJsonAsync($"/api/projects/{tender}/publish", new PublishProjectRequest(), Json.Options);
        Assert.Contains("公开招标自公告之日起至投标截止不得少于20日", (await tooShort.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var otherDraft = await ProviderKit.ProjectAsync(factory, status: ProjectStatus.Draft, department: "上虞区教体局");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/projects/{otherDraft}/publish", new PublishProjectRequest(), Json.Options)).StatusCode);
        var otherPublished = await ProviderKit.ProjectAsync(factory, status: ProjectStatus.Published, department: "上虞区教体局");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/api/projects/{otherPublished}/open-bidding", null)).StatusCode);
        var finance = await factory.ClientForAsync("finance");
        Assert.Equal(HttpStatusCode.OK, (await finance.PostAsync($"/api/projects/{otherPublished}/open-bidding", null)).StatusCode);
        var org = await factory.ClientForAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsJsonAsync($"/api/projects/{tender}/publish", new PublishProjectRequest(), Json.Options)).StatusCode);
    }

    [Fact]
    public async Task The_deadline_job_closes_bidding_when_the_deadline_passes()
    {
        var due = await ProviderKit.ProjectAsync(factory, deadlineIn: TimeSpan.FromMinutes(5));
        var later = await ProviderKit.ProjectAsync(factory, deadlineIn: TimeSpan.FromDays(3));
        var closer = factory.Services.GetRequiredService<BidDeadlineCloser>();

        var before = await closer.CloseDueAsync();
        Assert.DoesNotContain(due, before);
        IReadOnlyList<string> closed;
        using (factory.Clock.Travel(TimeSpan.FromMinutes(6)))
            closed = await closer.CloseDueAsync();

        Assert.Contains(due, closed);
        Assert.DoesNotContain(later, closed);
        var project = await factory.Store.Collection<Project>().GetAsync(due);
        Assert.Equal(ProjectStatus.EvaluatingBids, project!.Status);
        Assert.Equal(BidDeadlineCloser.Actor, project.History[^1].By);
        Assert.Equal(ProjectStatus.Bidding, (await factory.Store.Collection<Project>().GetAsync(later))!.Status);
        var events = await factory.Store.Collection<AuditEvent>().FindAsync(e => e.ProjectId == due);
        Assert.Contains(events, e => e.Actor == BidDeadlineCloser.Actor && e.Action == "project.transition");
    }

    [Fact]
    public async Task An_award_to_an_organisation_that_did_not_bid_is_refused()
    {
        var staff = await factory.ClientForAsync("staff");
        var project = await ProviderKit.ProjectAsync(factory, PurchaseMethod.CompetitiveConsultation, deadlineIn: TimeSpan.FromHours(1));
        await BiddersAsync(project, 2);
        await CloseAsync(staff, project);

        var response = await staff.PostAsJsonAsync($"/api/projects/{project}/award", new AwardRequest("org-kangle", null, null), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("该机构没有对本项目投标", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }
}
