namespace Assistant.Api.Infrastructure;

/// <summary>Finds folders that sit beside the app in a checkout (mobile-web/dist, ../shared/policies) by walking up.</summary>
public static class RepositoryPaths
{
    public static string? FindUp(string start, params string[] relative)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. relative]);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
