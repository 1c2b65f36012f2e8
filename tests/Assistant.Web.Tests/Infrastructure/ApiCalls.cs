using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Web.Tests.Infrastructure;

/// <summary>Direct API calls the tests use to set up (rating links) and to check what the browser did.</summary>
public static class ApiCalls
{
    /// <summary>A rating link for the demo contract staff manage (上虞区居家养老服务项目, provider org-kangle).</summary>
    public const string DemoContract = "HT-SY-2025-001";

    public static async Task<string> CreateRatingLinkAsync(this WebFixture web, string visit)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contracts/{DemoContract}/rating-links")
        {
            Content = JsonContent.Create(new { visit }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await web.TokenAsync("staff"));
        var response = await web.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"creating a rating link: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(this WebFixture web, string path, string? username = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (username is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await web.TokenAsync(username));
        var response = await web.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> PostAsync(this WebFixture web, string path, object body, string username)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await web.TokenAsync(username));
        var response = await web.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
