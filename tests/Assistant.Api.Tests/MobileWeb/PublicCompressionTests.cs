using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Tests.Infrastructure;

namespace Assistant.Api.Tests.MobileWeb;

/// <summary>Public reads travel compressed to phones; anything sent with credentials does not (BREACH).</summary>
public sealed class PublicCompressionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static HttpRequestMessage Get(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    [Fact]
    public async Task An_anonymous_project_list_is_sent_compressed_to_a_browser_that_accepts_it()
    {
        using var response = await factory.CreateClient().SendAsync(Get("/api/projects?take=20", "gzip, deflate, br"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        await using var json = new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var page = await JsonSerializer.DeserializeAsync<JsonElement>(json);
        Assert.True(page.GetProperty("items").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_client_that_does_not_accept_compression_gets_plain_json()
    {
        using var response = await factory.CreateClient().SendAsync(Get("/api/projects?take=20", null));

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_request_with_credentials_is_never_compressed()
    {
        var staff = await factory.ClientForAsync("staff");
        using var response = await staff.SendAsync(Get("/api/projects?take=20", "gzip, deflate, br"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(staff.DefaultRequestHeaders.Authorization);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
