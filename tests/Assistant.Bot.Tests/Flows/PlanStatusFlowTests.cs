extern alias api;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Bot.Flows;
using Assistant.Bot.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;
using ApiProgram = api::Program;

namespace Assistant.Bot.Tests.Flows;

/// <summary>"我们局今年的购买计划审核到哪了" for a linked staff member: the bot and the API share a service key, as deployed.</summary>
public sealed class PlanStatusFlowTests(PlanStatusFlowTests.LinkedHost host) : IClassFixture<PlanStatusFlowTests.LinkedHost>
{
    [Fact]
    public async Task A_linked_staff_member_hears_the_review_status_and_returned_reasons_of_their_department()
    {
        var staff = await host.SignedInAsync("staff");
        var link = await (await staff.PostAsync("/api/account-links", null)).Content.ReadFromJsonAsync<AccountLinkCodeDto>();
        var summary = await staff.GetFromJsonAsync<PlanSummaryDto>("/api/plans/summary");
        Assert.True(summary!.Returned > 0, "the demo plan has a returned item");

        await host.Conversation()
            .Send($"绑定 {link!.Code}").Expect("绑定成功")
            .Send("我们局今年的购买计划审核到哪了").Expect(summary.Department!, $"已批准{summary.Approved}项", "退回", summary.ReturnedItems[0].Reason!)
            .StartTestAsync();
    }

    [Fact]
    public Task Without_a_linked_staff_account_the_bot_explains_how_to_link() =>
        host.Conversation().Send("我们局今年的购买计划审核到哪了").Expect("绑定").StartTestAsync();

    [Theory]
    [InlineData("2025年购买计划审核到哪了", 2026, 2025)]
    [InlineData("去年的购买计划", 2026, 2025)]
    [InlineData("明年的采购计划报了吗", 2026, 2027)]
    [InlineData("我们局今年的购买计划审核到哪了", 2026, 2026)]
    public void The_year_is_taken_from_the_question(string text, int thisYear, int expected) =>
        Assert.Equal(expected, PlanStatusFlow.YearOf(text, thisYear));

    /// <summary>The API with a bot service key and the bot configured with the same key (the plain fixture runs without one).</summary>
    public sealed class LinkedHost : IAsyncLifetime
    {
        private const string Key = "plan-status-test-bot-key";
        private readonly ApiFactory _base = new();
        private readonly string _botData = TempDir.Create();
        private WebApplicationFactory<ApiProgram> _api = null!;
        private WebApplication _bot = null!;

        public async Task InitializeAsync()
        {
            _api = _base.WithWebHostBuilder(b => b.UseSetting("Auth:BotServiceKey", Key));
            _ = _api.Server;
            _bot = await BotHosts.StartAsync(_botData, _api.Server.BaseAddress.ToString(), () => _api.Server.CreateHandler(),
                new Dictionary<string, string?> { ["Auth:BotServiceKey"] = Key });
        }

        public TestFlow Conversation()
        {
            var reference = TestAdapter.CreateConversation(Guid.NewGuid().ToString("N"), "user-" + Guid.NewGuid().ToString("N")[..8]);
            return new TestFlow(new TestAdapter(reference), _bot.Services.CreateScope().ServiceProvider.GetRequiredService<IBot>());
        }

        public async Task<HttpClient> SignedInAsync(string username)
        {
            var client = _api.CreateClient();
            var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(username, "demo"));
            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
            return client;
        }

        public async Task DisposeAsync()
        {
            await _bot.StopAsync();
            await _bot.DisposeAsync();
            await _api.DisposeAsync();
            await _base.DisposeAsync();
            TempDir.Delete(_botData);
        }
    }
}
