namespace Assistant.Platform.Storage;

public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>When set and non-empty, MongoDB is used instead of the embedded store (ASSISTANT_MONGO_URL).</summary>
    public string? MongoUrl { get; set; }

    /// <summary>Database name used on MongoDB when the URL names none.</summary>
    public string Database { get; set; } = "assistant";

    /// <summary>Where the embedded store lives (ASSISTANT_DATA_DIR).</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>The embedded store's file; each host process owns its own file (ADR 0003).</summary>
    public string FileName { get; set; } = "assistant.db";

    /// <summary>Load demo data into an empty store on start.</summary>
    public bool SeedDemoData { get; set; } = true;

    public bool UsesMongo => !string.IsNullOrWhiteSpace(MongoUrl);
}
