using System.Collections.Concurrent;
using System.Net;
using Assistant.Bot.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Tests.Hosting;

/// <summary>
/// The bot's API clients retry reads, but never a POST: a registration or clarification question whose answer was
/// lost on the way back may already be stored, and sending it again would store it twice.
/// </summary>
public sealed class ApiRetryTests
{
    [Fact]
    public async Task Reads_are_retried_but_a_post_is_sent_once()
    {
        var api = new AlwaysUnavailable();
        var dataDir = TempDir.Create();
        var bot = await BotHosts.StartAsync(dataDir, "http://127.0.0.1:1", () => api);
        try
        {
            var client = bot.Services.GetRequiredService<IAssistantApi>();
            await Assert.ThrowsAnyAsync<Exception>(() => client.GetProjectAsync("SY-2025-001"));
            await Assert.ThrowsAnyAsync<Exception>(() => client.CreateTokenAsync(new TokenRequest("staff", "demo")));
            Assert.Equal(3, api.Sent(HttpMethod.Get));
            Assert.Equal(1, api.Sent(HttpMethod.Post));
        }
        finally
        {
            await bot.StopAsync();
            await bot.DisposeAsync();
            TempDir.Delete(dataDir);
        }
    }

    private sealed class AlwaysUnavailable : HttpMessageHandler
    {
        private readonly ConcurrentDictionary<HttpMethod, int> _sent = new();

        public int Sent(HttpMethod method) => _sent.GetValueOrDefault(method);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _sent.AddOrUpdate(request.Method, 1, (_, n) => n + 1);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }
}
