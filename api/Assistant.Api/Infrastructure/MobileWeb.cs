using Microsoft.Extensions.FileProviders;

namespace Assistant.Api.Infrastructure;

public sealed class MobileWebOptions
{
    public const string Section = "MobileWeb";

    /// <summary>The built mobile web (mobile-web/dist). Found by walking up from the app when not set.</summary>
    public string? Root { get; set; }

    /// <summary>Where the chat page finds the bot's Direct Line channel.</summary>
    public string? DirectLineDomain { get; set; }
}

/// <summary>The API serves the built mobile web on the same origin, so pages call relative URLs.</summary>
public static class MobileWeb
{
    public static WebApplication MapMobileWeb(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MobileWebOptions.Section).Get<MobileWebOptions>() ?? new();
        var botPort = Environment.GetEnvironmentVariable("ASSISTANT_BOT_PORT") ?? "3978";
        var directLine = options.DirectLineDomain ?? $"http://127.0.0.1:{botPort}/v3/directline";
        app.MapGet("/config.json", () => TypedResults.Ok(new { directLineDomain = directLine, botName = "政府购买服务助手" }))
            .ExcludeFromDescription();

        var root = options.Root
            ?? RepositoryPaths.FindUp(app.Environment.ContentRootPath, "mobile-web", "dist")
            ?? RepositoryPaths.FindUp(AppContext.BaseDirectory, "mobile-web", "dist");
        if (root is null || !Directory.Exists(root))
        {
            app.Logger.LogWarning("mobile-web/dist not found: run the build (./start.sh does) to serve the mobile pages");
            return app;
        }
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use((context, next) =>
        {
            PrecompressedFiles.Choose(context, files);
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = PrecompressedFiles.ContentTypes,
            OnPrepareResponse = c =>
            {
                // Hashed assets are immutable; HTML and the service worker must revalidate so updates reach phones.
                var name = PrecompressedFiles.Original(c.File.Name);
                c.Context.Response.Headers.CacheControl = name.EndsWith(".html") || name == "sw.js" || name.EndsWith(".webmanifest")
                    ? "no-cache" : "public, max-age=31536000, immutable";
            },
        });
        return app;
    }

}
