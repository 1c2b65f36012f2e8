namespace Assistant.Web.Tests.Infrastructure;

public static class Screenshots
{
    /// <summary>Saves a full-page PNG under TestResults/screenshots (kept as a test artifact) and returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        var path = Path.Combine(RepoPaths.Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
