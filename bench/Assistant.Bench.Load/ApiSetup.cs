using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Assistant.Bench.Load;

/// <summary>What the load runs and the crash check need from the API before they start: a demo sign-in and rating links.</summary>
public static class ApiSetup
{
    public static async Task<string> SignInAsync(HttpClient http, string apiUrl, string user)
    {
        using var r = await http.PostAsJsonAsync($"{apiUrl}/api/auth/token", new { username = user, password = "demo" });
        r.EnsureSuccessStatusCode();
        return (await r.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Tokens for at least <paramref name="count"/> rating links, made as sheets of 500 (one request and one commit each).</summary>
    public static async Task AddRatingLinksAsync(HttpClient http, string apiUrl, string staffToken, string contractId, int count, ConcurrentQueue<string> tokens)
    {
        var round = Guid.NewGuid().ToString("N")[..8];
        var sheets = Enumerable.Range(0, (count + 499) / 500).ToList();
        await Parallel.ForEachAsync(sheets, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (sheet, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{apiUrl}/api/contracts/{contractId}/rating-links/batch")
            { Content = JsonContent.Create(new { visits = Enumerable.Range(0, 500).Select(i => $"bench-{round}-{sheet}-{i}"), validDays = 1 }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staffToken);
            using var r = await http.SendAsync(request, ct);
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"could not create rating links: HTTP {(int)r.StatusCode} {await r.Content.ReadAsStringAsync(ct)}");
            foreach (var link in (await r.Content.ReadFromJsonAsync<JsonArray>(ct))!) tokens.Enqueue(link!["token"]!.GetValue<string>());
        });
    }
}
