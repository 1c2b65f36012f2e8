using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Providers;

public sealed class ClarificationsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_answer_is_published_to_everyone_without_the_asker()
    {
        var (asker, client) = await ProviderKit.VerifiedAsync(factory);
        var (_, other) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory);
        var asked = await client.PostAsJsonAsync($"/api/projects/{project}/questions", new AskQuestionRequest("服务对象名单何时提供？"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var question = await asked.Content.ReadFromJsonAsync<QuestionDto>(Json.Options);

        var publicClient = factory.CreateClient();
        Assert.Empty((await publicClient.GetFromJsonAsync<List<QuestionDto>>($"/api/projects/{project}/questions", Json.Options))!);
        Assert.True(Assert.Single((await client.GetFromJsonAsync<List<QuestionDto>>($"/api/projects/{project}/questions", Json.Options))!).Mine);

        var staff = await factory.ClientForAsync("staff");
        (await staff.PostAsJsonAsync($"/api/projects/{project}/questions/{question!.Id}/answer", new AnswerQuestionRequest("合同签订后五个工作日内提供"), Json.Options))
            .EnsureSuccessStatusCode();

        var raw = await publicClient.GetStringAsync($"/api/projects/{project}/questions");
        Assert.Contains("合同签订后五个工作日内提供", raw);
        Assert.DoesNotContain(asker.Id, raw);
        Assert.DoesNotContain(asker.Name, raw);
        var seenByOther = Assert.Single((await other.GetFromJsonAsync<List<QuestionDto>>($"/api/projects/{project}/questions", Json.Options))!);
        Assert.False(seenByOther.Mine);
    }

    [Fact]
    public async Task Questions_close_at_the_clarification_deadline()
    {
        var (_, client) = await ProviderKit.VerifiedAsync(factory);
        var project = await ProviderKit.ProjectAsync(factory, clarificationIn: TimeSpan.FromMinutes(10), deadlineIn: TimeSpan.FromDays(2));

        HttpResponseMessage response;
        using (factory.Clock.Travel(TimeSpan.FromMinutes(11)))
            response = await client.PostAsJsonAsync($"/api/projects/{project}/questions", new AskQuestionRequest("还能提问吗？"), Json.Options);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("澄清提问已截止", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task Only_organisations_ask_and_only_the_projects_staff_answer()
    {
        var project = await ProviderKit.ProjectAsync(factory, department: "江北区民政局", region: "江北区");
        var staff = await factory.ClientForAsync("staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/projects/{project}/questions", new AskQuestionRequest("?"), Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/projects/{project}/questions", new AskQuestionRequest("?"), Json.Options)).StatusCode);

        var org = await factory.ClientForAsync("org");
        var asked = await (await org.PostAsJsonAsync($"/api/projects/{project}/questions", new AskQuestionRequest("需要几名社工？"), Json.Options))
            .Content.ReadFromJsonAsync<QuestionDto>(Json.Options);
        var answer = await staff.PostAsJsonAsync($"/api/projects/{project}/questions/{asked!.Id}/answer", new AnswerQuestionRequest("不少于3名"), Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await org.PostAsJsonAsync($"/api/projects/{project}/questions", new AskQuestionRequest(""), Json.Options)).StatusCode);
    }

    [Fact]
    public async Task A_project_no_longer_open_takes_no_questions()
    {
        var project = await ProviderKit.ProjectAsync(factory, status: Contracts.Domain.ProjectStatus.EvaluatingBids);
        var org = await factory.ClientForAsync("org");
        var response = await org.PostAsJsonAsync($"/api/projects/{project}/questions", new AskQuestionRequest("还能提问吗？"), Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
