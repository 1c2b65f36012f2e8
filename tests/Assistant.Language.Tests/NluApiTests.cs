using System.Net;
using System.Net.Http.Json;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Language.Tests;

/// <summary>The endpoint as a host maps it: AddLanguageUnderstanding + MapNluApi on a real (in-memory) server.</summary>
public sealed class NluApiTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemDetails();
        builder.Services.AddLanguageUnderstanding();
        _app = builder.Build();
        _app.MapNluApi();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Parse_returns_intent_confidence_ranking_and_entities_with_original_text()
    {
        var response = await _client.PostAsJsonAsync("/api/nlu/parse", new NluParseRequest("上虞區預算五十萬以上的居家養老項目"));

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<NluParseResponse>();
        Assert.NotNull(body);
        Assert.Equal(IntentNames.ProjectSearch, body.Intent.Name);
        Assert.InRange(body.Intent.Confidence, 0.3, 1);
        Assert.Equal(body.Intent.Name, body.IntentRanking[0].Name);
        var region = Assert.Single(body.Entities, e => e.Type == EntityTypes.Region);
        Assert.Equal("上虞区", region.Value.GetString());
        Assert.Equal("上虞區", region.Text);
        var budget = Assert.Single(body.Entities, e => e.Type == EntityTypes.Budget);
        Assert.Equal(500000m, budget.Value.GetProperty("min").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, budget.Value.GetProperty("max").ValueKind);
    }

    [Fact]
    public async Task Dates_go_out_as_iso_strings_and_ranges_as_start_end()
    {
        var body = await (await _client.PostAsJsonAsync("/api/nlu/parse", new NluParseRequest("2025年3月1日前，3月10日")))
            .Content.ReadFromJsonAsync<NluParseResponse>();
        var dates = body!.Entities.Where(e => e.Type == EntityTypes.Date).ToList();
        Assert.Equal(2, dates.Count);
        Assert.Equal("2025-03-01", dates[0].Value.GetProperty("end").GetString());
        Assert.Matches(@"^\d{4}-03-10$", dates[1].Value.GetString());
    }

    [Fact]
    public async Task An_invalid_credit_code_comes_back_as_an_entity_with_its_error()
    {
        var body = await (await _client.PostAsJsonAsync("/api/nlu/parse", new NluParseRequest("信用代码91330604MA2BDQ8X")))
            .Content.ReadFromJsonAsync<NluParseResponse>();
        var code = Assert.Single(body!.Entities, e => e.Type == EntityTypes.CreditCode);
        Assert.Equal("统一社会信用代码应为18位，您输入了16位", code.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task Empty_text_is_a_validation_problem(string? text)
    {
        var response = await _client.PostAsJsonAsync("/api/nlu/parse", new NluParseRequest(text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("text", problem!.Errors.Keys);
    }

    [Fact]
    public async Task Text_over_500_characters_is_a_validation_problem_saying_how_long_it_was()
    {
        var response = await _client.PostAsJsonAsync("/api/nlu/parse", new NluParseRequest(new string('好', 501)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("501", problem!.Errors["text"][0]);
    }

    [Fact]
    public async Task Text_of_exactly_500_characters_is_accepted()
    {
        var response = await _client.PostAsJsonAsync("/api/nlu/parse", new NluParseRequest(new string('好', 500)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_bad_request_not_a_server_error()
    {
        var response = await _client.PostAsync("/api/nlu/parse", new StringContent("text=你好", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Start_up_registers_the_warm_up_as_a_hosted_service()
    {
        var hosted = _app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>();
        Assert.Contains(hosted, h => h.GetType().Name == "LanguageWarmUp");
    }

    [Fact]
    public void The_service_is_one_shared_instance()
    {
        var a = _app.Services.GetRequiredService<ILanguageUnderstanding>();
        var b = _app.Services.GetRequiredService<ILanguageUnderstanding>();
        Assert.Same(a, b);
    }
}
