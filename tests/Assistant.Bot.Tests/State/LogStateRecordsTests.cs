using Assistant.Bot.State;
using Assistant.Bot.Tests.Infrastructure;
using Assistant.Bot.Hosting;
using Assistant.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Tests.State;

/// <summary>The embedded deployment's state log as the bot host opens it.</summary>
public sealed class LogStateRecordsTests : IDisposable
{
    private readonly string _dir = TempDir.Create();
    private readonly LogStore _store;

    public LogStateRecordsTests()
    {
        _store = TestStateRecords.OpenStore(_dir);
    }

    public void Dispose()
    {
        _store.Dispose();
        TempDir.Delete(_dir);
    }

    [Fact]
    public async Task State_kept_in_the_store_by_earlier_versions_moves_into_a_new_log_with_its_etags()
    {
        await _store.Collection<BotStateDocument>().InsertAsync(new BotStateDocument { Id = "emulator/conversations/早", Json = """{"ConversationData":{"Misunderstood":1}}""" });
        var before = (await _store.Collection<BotStateDocument>().GetAsync("emulator/conversations/早"))!;
        await _store.Collection<BotStateDocument>().ReplaceAsync(before);

        using (var records = TestStateRecords.OpenLog(_dir, _store))
        {
            Assert.Equal(("""{"ConversationData":{"Misunderstood":1}}""", 2L), await records.ReadAsync("emulator/conversations/早", CancellationToken.None));
            Assert.Null(await records.WriteAsync("emulator/conversations/早", "{}", expectedVersion: 1, CancellationToken.None));
            Assert.Equal(3, await records.WriteAsync("emulator/conversations/早", "{}", expectedVersion: 2, CancellationToken.None));
        }
        // Opened again: the log is the state now; the store's copy is not read twice.
        await _store.Collection<BotStateDocument>().DeleteAsync("emulator/conversations/早");
        using var reopened = TestStateRecords.OpenLog(_dir, _store);
        Assert.Equal(("{}", 3L), await reopened.ReadAsync("emulator/conversations/早", CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(_dir, "bot-state.log")));
    }

    [Fact]
    public async Task The_health_check_reports_the_log_open_and_writes_after_the_host_stops_are_refused()
    {
        using var records = TestStateRecords.OpenLog(_dir, _store);
        var healthy = await records.CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, healthy.Status);
        await records.StopAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => records.WriteAsync("k", "{}", null, CancellationToken.None));
    }
}

/// <summary>Which state records the host registers: shared documents on MongoDB, the bot's own log otherwise.</summary>
public sealed class StateRecordsRegistrationTests
{
    [Theory]
    [InlineData("mongodb://127.0.0.1:1/assistant", typeof(DocumentStateRecords))]
    [InlineData("", typeof(LogStateRecords))]
    public void The_store_setting_decides_where_state_lives(string mongoUrl, Type expected)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StoreOptions>().Configure(o => o.MongoUrl = mongoUrl);
        var dir = TempDir.Create();
        services.AddSingleton<IDocumentStore>(_ => TestStateRecords.OpenStore(dir));
        services.AddBotStateRecords();
        using (var provider = services.BuildServiceProvider())
            Assert.IsType(expected, provider.GetRequiredService<IStateRecords>());
        TempDir.Delete(dir);
    }
}
