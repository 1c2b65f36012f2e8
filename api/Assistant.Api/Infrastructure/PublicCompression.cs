using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Public API reads (project lists, policy answers, rating links) are compressed for browsers that accept it: the
/// pages are used on phones on slow connections. Only anonymous GETs: a compressed answer that carries a secret next
/// to text an attacker chose can give the secret away through its length (BREACH), and public data holds no secret.
/// </summary>
public static class PublicCompression
{
    public static IServiceCollection AddPublicCompression(this IServiceCollection services) => services
        .Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest)
        .Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest)
        .AddResponseCompression(o =>
        {
            // Over HTTPS too: safe only because of the public-read filter below.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json"];
        });

    public static WebApplication UsePublicCompression(this WebApplication app)
    {
        app.UseWhen(IsPublicRead, branch => branch.UseResponseCompression());
        return app;
    }

    private static bool IsPublicRead(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Headers.ContainsKey(HeaderNames.Authorization)
        && !context.Request.Headers.ContainsKey(HeaderNames.Cookie);
}
