using Assistant.Bot.State;
using Assistant.Platform.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Tests.State;

internal static class TestStateRecords
{
    /// <summary>The bot's embedded store in <paramref name="dataDir"/>, with the bot's collections declared and applied.</summary>
    public static LogStore OpenStore(string dataDir)
    {
        var schema = new StoreSchema();
        BotSchema.Declare(schema);
        var store = new LogStore(dataDir, "bot.db", schema);
        store.ApplySchema();
        return store;
    }

    /// <summary>The embedded deployment's state records, opened as the host opens them, in <paramref name="dataDir"/> beside <paramref name="store"/>.</summary>
    public static LogStateRecords OpenLog(string dataDir, LogStore store)
    {
        var records = new LogStateRecords(Options.Create(new StoreOptions { DataDir = dataDir, FileName = "bot.db" }), store, NullLogger<LogStateRecords>.Instance);
        records.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return records;
    }
}
