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

        foreach (var (method, path) in endpoints)
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
                        await CheckAsync(client, new HttpRequestMessage(new HttpMethod(method), path) { Content = content }, $"{method} {path} [{body.Name}]", failures, mustFail: true);
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
        Assert.Equal(before, await SnapshotAsync());
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

    private List<(string Method, string Path)> Endpoints()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, Fill(e.RoutePattern.RawText!))))
            .Distinct().OrderBy(e => e.Item2).ToList();
    }

    private static string Fill(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?(\w+)(:[^}]*)?\??\}",
            m => Uri.EscapeDataString(RouteValues.GetValueOrDefault(m.Groups[1].Value, "x")));

    /// <summary>A hash of every stored document except sign-in counters (failed sign-ins legitimately change users).</summary>
    private async Task<string> SnapshotAsync()
    {
        var store = factory.Store;
        var schema = factory.Services.GetRequiredService<StoreSchema>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var collection in schema.Collections.Where(c => c.Name is not "users").OrderBy(c => c.Name))
        {
            var method = typeof(HostileInputTests).GetMethod(nameof(AllAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(collection.DocumentType);
            var docs = await (Task<string>)method.Invoke(null, [store])!;
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(collection.Name + docs));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task<string> AllAsync<T>(IDocumentStore store) where T : class, IDocument
    {
        var all = await store.Collection<T>().FindAsync(_ => true, d => d.Id);
        return JsonSerializer.Serialize(all);
    }
}
