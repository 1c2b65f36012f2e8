using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Serves the Brotli or gzip twin the mobile web's build writes beside each text file (mobile-web/scripts/precompress.mjs)
/// to browsers that accept it. Kestrel's static files are sent as stored: the chat page's 3.9 MB Web Chat bundle went
/// to phones uncompressed.
/// </summary>
internal static class PrecompressedFiles
{
    private static readonly (string Encoding, string Suffix)[] Twins = [("br", ".br"), ("gzip", ".gz")];
    // The kinds the build compresses (precompress.mjs); any other request, every API call included, skips the file checks.
    private static readonly HashSet<string> Compressed = [".js", ".css", ".html", ".svg", ".webmanifest", ".json", ".txt"];
    private static readonly FileExtensionContentTypeProvider Types = new();

    /// <summary>Before the static files: points the request at the twin the client accepts, if there is one.</summary>
    public static void Choose(HttpContext context, IFileProvider files)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)) return;
        var path = context.Request.Path.Value;
        if (string.IsNullOrEmpty(path) || !Compressed.Contains(Path.GetExtension(path))) return;
        var twins = Twins.Where(t => files.GetFileInfo(path + t.Suffix).Exists).ToList();
        if (twins.Count == 0) return;
        // Caches must keep the compressed and the plain answer apart.
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        foreach (var (encoding, suffix) in twins)
        {
            if (!Accepts(context.Request, encoding)) continue;
            context.Request.Path = path + suffix;
            context.Response.Headers.ContentEncoding = encoding;
            return;
        }
    }

    /// <summary>The content type of the file the twin compresses (app.js.br is JavaScript).</summary>
    public static IContentTypeProvider ContentTypes { get; } = new TwinContentTypes();

    /// <summary>"app.js.br" → "app.js"; other names unchanged.</summary>
    public static string Original(string name) => IsTwin(name) ? name[..name.LastIndexOf('.')] : name;

    private static bool IsTwin(string name) => Twins.Any(t => name.EndsWith(t.Suffix, StringComparison.Ordinal));

    private static bool Accepts(HttpRequest request, string encoding) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted)
        && accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);

    private sealed class TwinContentTypes : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, [MaybeNullWhen(false)] out string contentType) =>
            Types.TryGetContentType(Original(subpath), out contentType);
    }
}
