using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Assistant.Api.Tests.Hostile;

/// <summary>
/// Every API endpoint, fed malformed and hostile input as anonymous and as staff: never a 5xx, every 4xx is
/// ProblemDetails, and nothing already stored changes. Endpoints are enumerated at test time, so new ones are covered.
/// </summary>
public sealed class HostileInputTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly Dictionary<string, string> RouteValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "SY-2026-001", ["projectId"] = "SY-2026-001", ["contractId"] = "HT-SY-2025-001",
        ["organisationId"] = "org-kangle", ["year"] = "2026", ["department"] = "上虞区民政局",
        ["code"] = "A0101", ["itemId"] = "x", ["token"] = "forged-token",
    };

    [Fact]
    public async Task Hostile_requests_never_get_a_server_error_and_change_nothing_stored()
    {
        var staff = await factory.ClientForAsync("staff");
        var before = await SnapshotAsync();
        var endpoints = Endpoints();
        Assert.NotEmpty(endpoints);
        var anonymous = factory.CreateClient();
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, path, takesBody) in endpoints)
        {
            foreach (var header in HostileCorpus.AuthorizationHeaders)
            {
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                request.Headers.TryAddWithoutValidation("Authorization", header);
                sent++;
                await CheckAsync(anonymous, request, $"{method} {path} [Authorization: {header[..Math.Min(header.Length, 30)]}]", failures, mustFail: method != "GET");
            }
            foreach (var client in new[] { anonymous, staff })
            {
                if (method is "POST" or "PUT" or "PATCH")
                {
                    foreach (var body in HostileCorpus.Bodies())
                    {
                        var content = new ByteArrayContent(body.Content);
                        content.Headers.ContentType = MediaTypeHeaderValue.Parse(body.ContentType);
                        sent++;
                        await CheckAsync(client, new HttpRequestMessage(new HttpMethod(method), path) { Content = content }, $"{method} {path} [{body.Name}]", failures, mustFail: takesBody);
                    }
                }
                foreach (var value in HostileCorpus.Strings)
                {
                    var url = $"{path}?q={Uri.EscapeDataString(value)}&region={Uri.EscapeDataString(value)}&status={Uri.EscapeDataString(value)}&skip={Uri.EscapeDataString(value)}&year={Uri.EscapeDataString(value)}";
                    sent++;
                    await CheckAsync(client, new HttpRequestMessage(HttpMethod.Get, url), $"GET {url[..Math.Min(url.Length, 120)]}", failures, mustFail: false);
                }
            }
        }
        output.WriteLine($"{sent} hostile requests over {endpoints.Count} endpoints");
        Assert.True(sent >= 300, $"only {sent} hostile requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        var after = await SnapshotAsync();
        var changed = before.Where(d => !after.TryGetValue(d.Key, out var hash) || hash != d.Value).Select(d => d.Key).ToList();
        Assert.True(changed.Count == 0, "stored documents changed or vanished: " + string.Join(", ", changed.Take(20)));
    }

    private static async Task CheckAsync(HttpClient client, HttpRequestMessage request, string label, List<string> failures, bool mustFail)
    {
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status >= 500) failures.Add($"{label} → {status}");
        else if (mustFail && status < 400) failures.Add($"{label} → {status} (accepted a malformed body)");
        else if (status >= 400 && status != 404 && status != 405 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            failures.Add($"{label} → {status} without ProblemDetails ({response.Content.Headers.ContentType})");
    }

    /// <summary>Every API endpoint; those that read a JSON body must refuse every malformed one.</summary>
    private List<(string Method, string Path, bool TakesBody)> Endpoints()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, Fill(e.RoutePattern.RawText!), e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is not null)))
            .Distinct().OrderBy(e => e.Item2).ToList();
    }

    private static string Fill(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?(\w+)(:[^}]*)?\??\}",
            m => Uri.EscapeDataString(RouteValues.GetValueOrDefault(m.Groups[1].Value, "x")));

    /// <summary>
    /// A hash of every stored document by collection and id, except sign-in counters (failed sign-ins legitimately
    /// change users). Body-less endpoints may add documents (e.g. a link code for the signed-in user); none may change one.
    /// </summary>
    private async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var schema = factory.Services.GetRequiredService<StoreSchema>();
        var result = new Dictionary<string, string>();
        foreach (var collection in schema.Collections.Where(c => c.Name is not "users"))
        {
            var method = typeof(HostileInputTests).GetMethod(nameof(AllAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(collection.DocumentType);
            foreach (var (id, json) in await (Task<List<(string, string)>>)method.Invoke(null, [factory.Store])!)
                result[$"{collection.Name}/{id}"] = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)));
        }
        return result;
    }

    private static async Task<List<(string, string)>> AllAsync<T>(IDocumentStore store) where T : class, IDocument =>
        (await store.Collection<T>().FindAsync(_ => true)).Select(d => (d.Id, JsonSerializer.Serialize(d))).ToList();
}
