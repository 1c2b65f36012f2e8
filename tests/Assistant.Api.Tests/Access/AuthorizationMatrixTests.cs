using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Assistant.Api.Tests.Access;

/// <summary>
/// Every API endpoint (enumerated from the running app, so new ones are covered) × every kind of caller, checked against
/// <see cref="AuthorizationMatrix"/>. A successful state change must also leave an audit event.
/// </summary>
public sealed class AuthorizationMatrixTests(AccessFixture api, ITestOutputHelper output) : IClassFixture<AccessFixture>
{
    /// <summary>Callers in the order they run: refusals are checked before any allowed caller changes state.</summary>
    public static readonly string[] Callers = ["anon", "bot", "org", "orgB", "botOrg", "staffB", "staff", "finance", "admin"];

    private async Task<HttpClient> ClientAsync(string caller) => caller switch
    {
        "anon" => api.Anonymous(),
        "bot" => api.Bot(),
        "botOrg" => api.Bot("org"),
        "org" => await api.SignedInAsync("org"),
        "orgB" => await api.SignedInAsync("org-b"),
        "staff" => await api.SignedInAsync("staff"),
        "staffB" => await api.SignedInAsync("staff-b"),
        "finance" => await api.SignedInAsync("finance"),
        "admin" => await api.SignedInAsync("admin"),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private List<string> Endpoints() => AllRoutes().Distinct().Order().ToList();

    private IEnumerable<string> AllRoutes() => api.App.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
        .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
        .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true)
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"));

    [Fact]
    public void No_two_endpoints_share_a_method_and_route()
    {
        // Two handlers on one route means the authorization of one of them is never what the matrix checked.
        var duplicates = AllRoutes().GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Mapped more than once (remove one mapping):\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void Every_endpoint_has_an_entry_in_the_matrix_and_every_entry_an_endpoint()
    {
        var endpoints = Endpoints();
        var missing = endpoints.Where(e => !AuthorizationMatrix.Entries.ContainsKey(e)).ToList();
        var stale = AuthorizationMatrix.Entries.Keys.Where(k => !endpoints.Contains(k)).ToList();
        Assert.True(missing.Count == 0,
            "Endpoints without an authorization matrix entry (add one to tests/Assistant.Api.Tests/Access/AuthorizationMatrix.cs " +
            "saying which callers may use it):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Matrix entries for endpoints that no longer exist (remove or rename them):\n" + string.Join("\n", stale));
    }

    public static TheoryData<string> Routes() => new(AuthorizationMatrix.Entries.Keys.Order());

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_caller_gets_the_declared_outcome(string route)
    {
        if (!Endpoints().Contains(route)) return; // reported by the coverage test above
        var entry = AuthorizationMatrix.Entries[route];
        var method = route[..route.IndexOf(' ')];
        var mutating = method is not "GET" and not "HEAD";
        var samples = await SampleValuesAsync();
        var url = Fill(entry.Url, samples);
        var body = entry.Body is null ? null : Fill(System.Text.Json.JsonSerializer.Serialize(entry.Body), samples);
        var failures = new List<string>();
        foreach (var caller in Callers)
        {
            var expected = entry.For(caller);
            var client = await ClientAsync(caller);
            var auditBefore = await api.Store.Collection<AuditEvent>().CountAsync(_ => true);
            var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null) request.Content = new StringContent(body.Replace("{caller}", caller), System.Text.Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            output.WriteLine($"{route} as {caller}: {status} (expected {expected})");
            if (!AuthorizationMatrix.Matches(expected, status))
                failures.Add($"{caller}: expected {expected}, got {status} {await Detail(response)}");
            else if (mutating && status is >= 200 and < 300 && entry.Audited &&
                     await api.Store.Collection<AuditEvent>().CountAsync(_ => true) == auditBefore)
                failures.Add($"{caller}: {status} changed state but recorded no audit event (AuditLog.RecordAsync), " +
                             "or mark the entry NotAudited with the reason it changes nothing");
        }
        Assert.True(failures.Count == 0, $"{route} ({entry.Url}):\n" + string.Join("\n", failures));
    }

    private static string Fill(string text, Dictionary<string, string> samples) =>
        samples.Aggregate(text, (t, s) => t.Replace("{" + s.Key + "}", s.Value));

    private Dictionary<string, string>? _samples;

    /// <summary>Values that must be made at run time (tokens), made once per test class.</summary>
    private async Task<Dictionary<string, string>> SampleValuesAsync()
    {
        if (_samples is not null) return _samples;
        var staff = await api.SignedInAsync("staff");
        var link = await staff.PostAsJsonAsync("/api/contracts/HT-SY-2025-001/rating-links", new { validDays = 30 });
        link.EnsureSuccessStatusCode();
        var token = (await link.Content.ReadFromJsonAsync<Assistant.Contracts.Api.RatingLinkDto>(Infrastructure.Json.Options))!.Token;
        return _samples = new() { ["ratingToken"] = Uri.EscapeDataString(token) };
    }

    private static async Task<string> Detail(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 200 ? text[..200] : text;
    }
}
