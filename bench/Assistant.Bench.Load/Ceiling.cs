using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Bench.Load;

/// <summary>A bare Kestrel endpoint returning constant JSON: the ceiling every scenario is compared with, in the same run.</summary>
public static class Ceiling
{
    public static async Task<(WebApplication App, string Url)> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/ceiling", () => Microsoft.AspNetCore.Http.Results.Text("{\"ok\":true,\"service\":\"ceiling\"}", "application/json"));
        await app.StartAsync();
        return (app, $"http://127.0.0.1:{port}/ceiling");
    }
}
