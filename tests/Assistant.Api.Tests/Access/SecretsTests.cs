using System.Net;
using System.Text.Json;
using Assistant.Api.Auth;

namespace Assistant.Api.Tests.Access;

public sealed class SecretsTests(AccessFixture api) : IClassFixture<AccessFixture>
{
    [Fact]
    public async Task Without_a_configured_signing_key_one_is_generated_once_and_kept_in_the_store()
    {
        var staff = await api.SignedInAsync("staff");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/projects/overdue-award")).StatusCode);
        var secret = await api.Store.Collection<Secret>().GetAsync("jwt-signing-key");
        Assert.NotNull(secret);
        Assert.Equal(64, Convert.FromBase64String(secret!.Value).Length);
        // The same stored key keeps signing: a second sign-in validates with it.
        Assert.Equal(HttpStatusCode.OK, (await (await api.SignedInAsync("finance")).GetAsync("/api/audit?take=1")).StatusCode);
        Assert.Equal(secret.Value, (await api.Store.Collection<Secret>().GetAsync("jwt-signing-key"))!.Value);
    }

    [Fact]
    public void No_secret_is_committed_in_the_repositorys_configuration_files()
    {
        var root = FindRepositoryRoot();
        var files = Directory.EnumerateFiles(root, "appsettings*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains("node_modules")).ToList();
        Assert.NotEmpty(files);
        string[] secretNames = ["SigningKey", "BotServiceKey", "Secret", "TokenKey", "Password", "MicrosoftAppPassword"];
        var found = new List<string>();
        foreach (var file in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Walk(json.RootElement, "", (path, value) =>
            {
                if (secretNames.Any(n => path.EndsWith(n, StringComparison.OrdinalIgnoreCase)) && !string.IsNullOrEmpty(value))
                    found.Add($"{Path.GetRelativePath(root, file)}: {path}");
            });
        }
        Assert.True(found.Count == 0, "Secrets belong in environment variables or a secret store, not in the repository:\n" + string.Join("\n", found));
    }

    private static void Walk(JsonElement element, string path, Action<string, string?> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var property in element.EnumerateObject()) Walk(property.Value, $"{path}:{property.Name}", visit);
        else if (element.ValueKind == JsonValueKind.String) visit(path, element.GetString());
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
