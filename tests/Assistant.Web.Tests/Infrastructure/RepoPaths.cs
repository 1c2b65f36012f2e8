using System.Diagnostics;

namespace Assistant.Web.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dist => Path.Combine(Root, "mobile-web", "dist");

    /// <summary>Screenshots land with the test results (TestResults/ is ignored by git, kept by CI as artifacts).</summary>
    public static string Screenshots { get; } =
        Environment.GetEnvironmentVariable("ASSISTANT_SCREENSHOTS") ?? Path.Combine(Root, "TestResults", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "mobile-web", "package.json"))) return dir.FullName;
        throw new InvalidOperationException("repository root (with mobile-web/package.json) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The browser tests need the built pages; build them once if test.sh / start.sh has not.</summary>
    public static void EnsureWebBuilt()
    {
        if (File.Exists(Path.Combine(Dist, "rating.html")) && File.Exists(Path.Combine(Dist, "sw.js"))) return;
        var build = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", "build-web.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"scripts/build-web.sh failed ({build.ExitCode}):\n{output.Result}\n{errors}");
    }
}
