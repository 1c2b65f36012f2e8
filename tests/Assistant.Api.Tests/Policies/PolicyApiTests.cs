using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;

namespace Assistant.Api.Tests.Policies;

/// <summary>POST /api/policies (staff upload with per-file results) and GET /api/policies/answer (public, cited answers).</summary>
public sealed class PolicyApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _public = factory.CreateClient();

    private static string PoliciesDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "policies");
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("../shared/policies");
        }
    }

    private static MultipartFormDataContent Upload(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
            form.Add(new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "files", name);
        return form;
    }

    private static (string, byte[])[] FivePolicies() =>
        Directory.GetFiles(PoliciesDirectory).Order().Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();

    private async Task<PolicyUploadResultDto> UploadFiveAsync()
    {
        var staff = await factory.ClientForAsync("staff");
        var response = await staff.PostAsync("/api/policies", Upload(FivePolicies()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PolicyUploadResultDto>(Json.Options))!;
    }

    [Fact]
    public async Task Staff_upload_ingests_each_file_and_answers_cite_the_document()
    {
        var upload = await UploadFiveAsync();
        Assert.Equal(5, upload.Files.Count);
        Assert.All(upload.Files, f => Assert.True(f.Succeeded, f.Error));
        Assert.Contains(upload.Files, f => f.DocNumber == "江北府办〔2015〕109号");

        var answer = await _public.GetFromJsonAsync<PolicyAnswerDto>(
            "/api/policies/answer?q=" + Uri.EscapeDataString("招标限额以下的项目可以用什么方式购买？"), Json.Options);
        Assert.True(answer!.Confident);
        Assert.Contains("对招标限额以下的项目", answer.Answers[0].Text);
        Assert.Equal("江北府办〔2015〕109号", answer.Answers[0].DocNumber);
        Assert.InRange(answer.SuggestedQuestions.Count, 2, 3);

        var listed = await _public.GetFromJsonAsync<List<PolicyDocumentDto>>("/api/policies", Json.Options);
        // Beside the platform's own rules, published at start-up (PlatformRulesTests).
        Assert.Equal(5, listed!.Count(d => d.Title != Assistant.Api.Policies.PlatformRules.Title));
    }

    [Fact]
    public async Task Uploading_again_replaces_and_a_bad_file_gets_its_own_error()
    {
        await UploadFiveAsync();
        var finance = await factory.ClientForAsync("finance");
        var response = await finance.PostAsync("/api/policies", Upload(
            (PolicyFile("jiangbei"), File.ReadAllBytes(Path.Combine(PoliciesDirectory, PolicyFile("jiangbei")))),
            ("tool.exe", [1, 2, 3]),
            ("empty.txt", Encoding.UTF8.GetBytes("朗读"))));
        var result = await response.Content.ReadFromJsonAsync<PolicyUploadResultDto>(Json.Options);
        Assert.True(result!.Files[0].Succeeded);
        Assert.True(result.Files[0].Replaced);
        Assert.False(result.Files[1].Succeeded);
        Assert.Contains("不支持", result.Files[1].Error);
        Assert.False(result.Files[2].Succeeded);
        Assert.Equal(5, (await _public.GetFromJsonAsync<List<PolicyDocumentDto>>("/api/policies", Json.Options))!
            .Count(d => d.Title != Assistant.Api.Policies.PlatformRules.Title));
        var documentId = result.Files[0].DocumentId;
        var trail = await factory.Store.Collection<Assistant.Api.Audit.AuditEvent>()
            .FindAsync(e => e.EntityId == documentId && e.Action == "policy.replaced");
        Assert.Contains(trail, e => e.Actor == "finance");
    }

    [Fact]
    public async Task Ndjson_upload_reports_each_file_as_it_is_done()
    {
        var admin = await factory.ClientForAsync("admin");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/policies") { Content = Upload(FivePolicies()[..2]) };
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        var response = await admin.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.True(JsonSerializer.Deserialize<PolicyIngestResultDto>(l, Json.Options)!.Succeeded));
    }

    [Fact]
    public async Task Only_staff_finance_and_admin_may_upload()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _public.PostAsync("/api/policies", Upload(FivePolicies()[..1]))).StatusCode);
        var organisation = await factory.ClientForAsync("org");
        Assert.Equal(HttpStatusCode.Forbidden, (await organisation.PostAsync("/api/policies", Upload(FivePolicies()[..1]))).StatusCode);
    }

    [Fact]
    public async Task An_upload_without_files_is_a_problem()
    {
        var staff = await factory.ClientForAsync("staff");
        var response = await staff.PostAsync("/api/policies", new MultipartFormDataContent { { new StringContent("x"), "note" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await staff.PostAsync("/api/policies", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%20%20")]
    [InlineData(null)]
    public async Task Empty_question_is_a_validation_problem(string? q)
    {
        var response = await _public.GetAsync("/api/policies/answer" + (q is null ? "" : "?q=" + q));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Overlong_question_is_a_validation_problem()
    {
        var response = await _public.GetAsync("/api/policies/answer?q=" + Uri.EscapeDataString(new string('问', 500)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("问题太长", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_answer_json_has_the_documented_shape()
    {
        await UploadFiveAsync();
        using var json = JsonDocument.Parse(await _public.GetStringAsync("/api/policies/answer?q=" + Uri.EscapeDataString("承接主体弄虚作假会怎么处理")));
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.True, root.GetProperty("confident").ValueKind);
        var first = root.GetProperty("answers")[0];
        foreach (var key in new[] { "text", "documentTitle", "docNumber", "section", "score" })
            Assert.True(first.TryGetProperty(key, out _), key);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("suggestedQuestions").ValueKind);
    }

    [Fact]
    public async Task Out_of_domain_question_is_not_confident()
    {
        await UploadFiveAsync();
        var answer = await _public.GetFromJsonAsync<PolicyAnswerDto>("/api/policies/answer?q=" + Uri.EscapeDataString("今天天气怎么样"), Json.Options);
        Assert.False(answer!.Confident);
    }

    [Fact]
    public async Task Catalogue_questions_use_the_live_catalogue_and_the_excluded_matters()
    {
        await UploadFiveAsync();
        var elderly = await _public.GetFromJsonAsync<PolicyAnswerDto>("/api/policies/answer?q=" + Uri.EscapeDataString("居家养老能不能政府购买？"), Json.Options);
        Assert.StartsWith("可以", elderly!.Summary);
        Assert.Contains("养老服务", elderly.Summary);

        var excluded = await _public.GetFromJsonAsync<PolicyAnswerDto>("/api/policies/answer?q=" + Uri.EscapeDataString("哪些事项不能购买"), Json.Options);
        Assert.Contains("国家安全", excluded!.Summary);
        Assert.NotEmpty(excluded.Answers);
    }

    private static string PolicyFile(string prefix) =>
        Path.GetFileName(Directory.GetFiles(PoliciesDirectory).Single(f => Path.GetFileName(f).StartsWith(prefix)));
}
