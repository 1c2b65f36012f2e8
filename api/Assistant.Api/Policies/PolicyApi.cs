using System.Text.Json;
using Assistant.Contracts.Api;
using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Knowledge;
using Assistant.Knowledge.Storage;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using RequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute;
using RequestFormLimitsAttribute = Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Policies;

public static class PolicyApi
{
    private const long MaxUploadBytes = 100 * 1024 * 1024;

    public static IEndpointRouteBuilder MapPolicyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Policies");
        group.MapPost("/", Upload).RequireAuthorization(AuthSetup.StaffPolicy).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxUploadBytes });
        group.MapGet("/", List);
        group.MapGet("/answer", Answer);
        return app;
    }

    /// <summary>
    /// Ingests the uploaded policy files (multipart, any field name): one result per file, in order; a bad file does not
    /// stop the others. With <c>Accept: application/x-ndjson</c> each result is written as soon as its file is done (progress).
    /// </summary>
    public static async Task<IResult> Upload(HttpContext http, ClaimsPrincipal user, PolicyKnowledgeBase knowledge, AuditLog audit,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "请以 multipart/form-data 上传文件");
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "上传内容无法读取", detail: e.Message);
        }
        if (form.Files.Count == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["files"] = ["请至少上传一个政策文件（.txt、.md、.docx 或 .pdf）"] });

        var streaming = http.Request.Headers.Accept.Any(a => a?.Contains("application/x-ndjson") == true);
        if (streaming)
        {
            http.Response.ContentType = "application/x-ndjson; charset=utf-8";
            foreach (var file in form.Files)
            {
                var result = await IngestOne(knowledge, audit, user, file, ct);
                await http.Response.WriteAsync(JsonSerializer.Serialize(result, json.Value.SerializerOptions) + "\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
            return TypedResults.Empty;
        }
        var results = new List<PolicyIngestResultDto>();
        foreach (var file in form.Files) results.Add(await IngestOne(knowledge, audit, user, file, ct));
        return TypedResults.Ok(new PolicyUploadResultDto(results));
    }

    private static async Task<PolicyIngestResultDto> IngestOne(PolicyKnowledgeBase knowledge, AuditLog audit, ClaimsPrincipal user,
        IFormFile file, CancellationToken ct)
    {
        PolicyIngestResultDto result;
        await using (var stream = file.OpenReadStream())
            result = await knowledge.IngestAsync(file.FileName, stream, ct);
        // What the assistant quotes as policy is a decision worth a trail: who loaded which document, replacing what.
        if (result.Succeeded)
            await audit.RecordAsync(user.Actor(), result.Replaced ? "policy.replaced" : "policy.ingested", "policy", result.DocumentId!,
                details: $"{result.FileName}：《{result.Title}》{result.DocNumber}，{result.Passages}段", ct: ct);
        return result;
    }

    /// <summary>The ingested policy documents, newest first.</summary>
    public static async Task<Ok<List<PolicyDocumentDto>>> List(IDocumentStore store, CancellationToken ct)
    {
        var documents = await store.Collection<PolicyDocument>().FindAsync(d => d.Id != "", orderBy: d => d.IngestedAt, descending: true, ct: ct);
        return TypedResults.Ok(documents.Select(d => new PolicyDocumentDto(d.Id, d.Title, d.DocNumber, d.IssuingBody, d.IssuedOn, d.PassageCount, d.IngestedAt)).ToList());
    }

    /// <summary>Cited passages best first; <c>confident</c> false means "not sure": show the alternatives and suggest contacting staff.</summary>
    public static async Task<Results<Ok<PolicyAnswerDto>, ValidationProblem>> Answer(
        PolicyKnowledgeBase knowledge, CancellationToken ct, string? q = null, int top = 3)
    {
        var question = q?.Trim() ?? "";
        if (question.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["请输入要咨询的问题"] });
        if (question.Length > knowledge.Options.MaxQuestionLength)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"问题太长了，请控制在{knowledge.Options.MaxQuestionLength}字以内"] });
        if (top is < 1 or > 10)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = ["top 应在1到10之间"] });
        return TypedResults.Ok(await knowledge.AnswerAsync(question, top, ct));
    }
}
