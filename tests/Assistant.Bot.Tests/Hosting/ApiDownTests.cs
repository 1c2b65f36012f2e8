using System.Net;
using System.Net.Sockets;
using Assistant.Bot.Api;
using Assistant.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Tests.Hosting;

/// <summary>
/// The bot pointed at a closed port: the user is told to try again later (稍后再试) after the resilience handler gives up,
/// and the flow they were in is exactly where it was, so the next answer continues it.
/// </summary>
public sealed class ApiDownTests : IAsyncLifetime
{
    private readonly string _dataDir = TempDir.Create();
    private WebApplication _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHosts.StartAsync(_dataDir, $"http://127.0.0.1:{ClosedPort()}");

    public async Task DisposeAsync()
    {
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        TempDir.Delete(_dataDir);
    }

    [Fact]
    public async Task Api_down_says_try_later_and_keeps_the_flow_where_it_was()
    {
        var code = Assistant.Contracts.Domain.CreditCode.Complete("51330604MJ5000001");
        var flow = new TestFlow(new TestAdapter(TestAdapter.CreateConversation("api-down")), _bot.Services.GetRequiredService<IBot>());
        await flow
            .Send("我们想登记成为承接主体").AssertReply(a => Assert.Contains("单位的全称", a.AsMessageActivity().Text))
            .Send("上虞区夕阳红养老服务中心").AssertReply(a => Assert.Contains("统一社会信用代码", a.AsMessageActivity().Text))
            .Send("查一下SY-2025-001项目的状态").AssertReply(a => Assert.Equal(ApiFailure.TryLaterMessage, a.AsMessageActivity().Text), timeout: 20000)
            .Send(code).AssertReply(a => Assert.Contains("代码核对无误", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: connections are refused
    }
}
