using Assistant.Platform.Storage;
using MongoDB.Driver;

namespace Assistant.Platform.Tests.Storage;

/// <summary>Runs only when ASSISTANT_MONGO_URL points at a server; otherwise every test is reported as skipped.</summary>
public sealed class MongoFactAttribute : FactAttribute
{
    public MongoFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("ASSISTANT_MONGO_URL")))
            Skip = "ASSISTANT_MONGO_URL is not set: no MongoDB server to run the storage contract against";
    }
}

public sealed class MongoStoreTests : StoreContract, IDisposable
{
    private readonly MongoStore? _store;
    private readonly IMongoClient? _client;
    private readonly string _database = "assistant_contract_" + Guid.NewGuid().ToString("N")[..8];

    public MongoStoreTests()
    {
        var url = Environment.GetEnvironmentVariable("ASSISTANT_MONGO_URL");
        if (string.IsNullOrWhiteSpace(url)) return;
        _client = new MongoClient(url);
        _store = new MongoStore(_client, _database, WidgetSchema.Create());
        _store.ApplySchemaAsync().GetAwaiter().GetResult();
    }

    protected override IDocumentStore Store => _store!;

    [MongoFact] public override Task Round_trip_keeps_money_dates_enums_lists_and_nested_values() => base.Round_trip_keeps_money_dates_enums_lists_and_nested_values();
    [MongoFact] public override Task A_second_insert_with_the_same_id_is_refused() => base.A_second_insert_with_the_same_id_is_refused();
    [MongoFact] public override Task A_unique_index_refuses_a_duplicate_value() => base.A_unique_index_refuses_a_duplicate_value();
    [MongoFact] public override Task Replace_succeeds_only_from_the_current_version() => base.Replace_succeeds_only_from_the_current_version();
    [MongoFact] public override Task Concurrent_replaces_from_one_version_let_exactly_one_win() => base.Concurrent_replaces_from_one_version_let_exactly_one_win();
    [MongoFact] public override Task Concurrent_inserts_fail_only_the_ones_that_clash() => base.Concurrent_inserts_fail_only_the_ones_that_clash();
    [MongoFact] public override Task Replacing_a_missing_document_reports_false() => base.Replacing_a_missing_document_reports_false();
    [MongoFact] public override Task Queries_filter_sort_and_page_like_the_features_do() => base.Queries_filter_sort_and_page_like_the_features_do();
    [MongoFact] public override Task A_document_and_its_companion_are_stored_together_and_a_clash_stores_neither() => base.A_document_and_its_companion_are_stored_together_and_a_clash_stores_neither();
    [MongoFact] public override Task A_replace_with_a_companion_stores_it_only_when_the_replace_wins() => base.A_replace_with_a_companion_stores_it_only_when_the_replace_wins();
    [MongoFact] public override Task Upsert_creates_then_overwrites_and_delete_removes() => base.Upsert_creates_then_overwrites_and_delete_removes();
    [MongoFact] public override Task The_store_is_ready_once_its_indexes_are_in_place() => base.The_store_is_ready_once_its_indexes_are_in_place();

    public void Dispose() => _client?.DropDatabase(_database);
}
