using System.IO.Compression;
using System.Net;
using System.Text;
using Assistant.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Api.Tests.MobileWeb;

/// <summary>The mobile web's built files, with the .br/.gz twins its build writes, served as a phone's browser asks.</summary>
public sealed class PrecompressedFilesTests : IClassFixture<ApiFactory>, IDisposable
{
    private static readonly byte[] Script = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("console.log('政府购买服务');\n", 200)));
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-web-").FullName;
    private readonly WebApplicationFactory<Program> _app;

    public PrecompressedFilesTests(ApiFactory factory)
    {
        var assets = Directory.CreateDirectory(Path.Combine(_root, "assets")).FullName;
        File.WriteAllBytes(Path.Combine(assets, "app.js"), Script);
        using (var br = new BrotliStream(File.Create(Path.Combine(assets, "app.js.br")), CompressionLevel.SmallestSize)) br.Write(Script);
        using (var gz = new GZipStream(File.Create(Path.Combine(assets, "app.js.gz")), CompressionLevel.SmallestSize)) gz.Write(Script);
        File.WriteAllText(Path.Combine(_root, "index.html"), "<!doctype html><title>首页</title>");
        _app = factory.WithWebHostBuilder(b => b.UseSetting("MobileWeb:Root", _root));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await _app.CreateClient().SendAsync(request);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task A_browser_that_accepts_compression_gets_the_compressed_twin_as_the_same_script(string accept, string encoding)
    {
        using var response = await GetAsync("/assets/app.js", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadAsStreamAsync();
        using Stream decoded = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await decoded.CopyToAsync(plain);
        Assert.Equal(Script, plain.ToArray());
        Assert.True(response.Content.Headers.ContentLength < Script.Length / 4);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    [InlineData("br;q=0, gzip;q=0")]
    public async Task A_client_that_does_not_accept_compression_gets_the_file_as_stored(string? accept)
    {
        using var response = await GetAsync("/assets/app.js", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(Script, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_page_without_twins_is_served_as_stored_and_revalidated()
    {
        using var response = await GetAsync("/", "gzip, br");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("首页", await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
