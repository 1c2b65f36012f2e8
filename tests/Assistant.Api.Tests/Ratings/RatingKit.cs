using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;

namespace Assistant.Api.Tests.Ratings;

/// <summary>Shared steps of the rating tests, all over HTTP like the mobile page and the staff console.</summary>
public static class RatingKit
{
    /// <summary>In service, department 上虞区民政局 (the demo staff's), provider org-kangle (the demo org user's), catalogue A0101.</summary>
    public const string Contract = "HT-SY-2025-001";

    public static async Task<RatingLinkDto> CreateLinkAsync(HttpClient staff, string contractId = Contract, string? visit = null, int? validDays = null)
    {
        var response = await staff.PostAsJsonAsync($"/api/contracts/{contractId}/rating-links", new CreateRatingLinkRequest(visit, validDays), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RatingLinkDto>(Json.Options))!;
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string token, int score, string? key = null,
        Dictionary<string, int>? dimensions = null, string? comment = null, string? rectificationCaseId = null) =>
        client.PostAsJsonAsync("/api/ratings",
            new SubmitRatingRequest(token, key ?? NewKey(), score, dimensions ?? [], comment, rectificationCaseId), Json.Options);

    public static async Task<RatingSubmittedDto> RateAsync(HttpClient client, string token, int score, string? comment = null,
        Dictionary<string, int>? dimensions = null)
    {
        var response = await SubmitAsync(client, token, score, dimensions: dimensions, comment: comment);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RatingSubmittedDto>(Json.Options))!;
    }

    public static string NewKey() => Guid.NewGuid().ToString();

    public static async Task<Microsoft.AspNetCore.Mvc.ValidationProblemDetails> ValidationProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!;
    }
}
