namespace Assistant.Knowledge.Tests;

/// <summary>Finds ../shared/policies beside the repository (or ASSISTANT_POLICIES_DIR).</summary>
public static class PolicyCorpus
{
    public static string Directory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ASSISTANT_POLICIES_DIR") is { Length: > 0 } configured) return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (!System.IO.File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) continue;
                var policies = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "policies"));
                if (System.IO.Directory.Exists(policies)) return policies;
            }
            throw new DirectoryNotFoundException("../shared/policies not found beside the repository; set ASSISTANT_POLICIES_DIR.");
        }
    }

    public static string File(string name) => Path.Combine(Directory, name);

    public const string Jiangbei = "jiangbei-implementation-opinions-2015-109.txt";
    public const string Xianning = "xianning-implementation-opinions-2015-39.txt";
    public const string Shangyu = "shangyu-deepening-reform-plan.txt";
    public const string Anyang = "anyang-progress-report-2017.txt";
    public const string Fangchenggang = "fangchenggang-practice-report-traditional.txt";
}
