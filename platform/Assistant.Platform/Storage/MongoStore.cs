using System.Collections.Concurrent;
using System.Linq.Expressions;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Assistant.Platform.Storage;

/// <summary>The production engine. One <see cref="IMongoClient"/> per process; it connects lazily.</summary>
public sealed class MongoStore : IDocumentStore
{
    private readonly StoreSchema _schema;
    private readonly ConcurrentDictionary<Type, object> _collections = new();
    private volatile bool _schemaApplied;

    public MongoStore(IMongoClient client, string databaseName, StoreSchema schema)
    {
        MongoConventions.Register();
        _schema = schema;
        Database = client.GetDatabase(databaseName);
    }

    public IMongoDatabase Database { get; }

    public string EngineName => "MongoDB";

    public IDocumentCollection<T> Collection<T>() where T : class, IDocument =>
        (IDocumentCollection<T>)_collections.GetOrAdd(typeof(T), _ =>
            new MongoCollection<T>(Database.GetCollection<T>(_schema.For(typeof(T)).Name), this));

    public static IEnumerable<CreateIndexModel<T>> IndexModels<T>(CollectionDefinition definition) =>
        definition.Indexes.Select(index => new CreateIndexModel<T>(
            Builders<T>.IndexKeys.Ascending(FilterExpressions.AsObjectKey<T>(index.Field)),
            new CreateIndexOptions { Name = index.Name, Unique = index.Unique }));

    public async Task ApplySchemaAsync(CancellationToken ct = default)
    {
        foreach (var definition in _schema.Collections)
        {
            var method = typeof(MongoStore).GetMethod(nameof(ApplyIndexesAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(definition.DocumentType);
            await (Task)method.Invoke(this, [definition, ct])!;
        }
        _schemaApplied = true;
    }

    private async Task ApplyIndexesAsync<T>(CollectionDefinition definition, CancellationToken ct)
    {
        var models = IndexModels<T>(definition).ToList();
        if (models.Count > 0)
            await Database.GetCollection<T>(definition.Name).Indexes.CreateManyAsync(models, ct);
    }

    public async Task<bool> IsReadyAsync(CancellationToken ct = default)
    {
        if (!_schemaApplied) return false;
        try
        {
            await Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: ct);
            return true;
        }
        catch (Exception e) when (e is MongoException or TimeoutException)
        {
            return false;
        }
    }
}

/// <summary>Class-map conventions applied once per process, before any collection is touched.</summary>
public static class MongoConventions
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        ConventionRegistry.Register("assistant", new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new EnumRepresentationConvention(BsonType.String),
            new IgnoreExtraElementsConvention(true),
        }, _ => true);
        BsonSerializer.TryRegisterSerializer(new DecimalSerializer(BsonType.Decimal128));
        BsonSerializer.TryRegisterSerializer(new DateTimeSerializer(DateTimeKind.Utc));
    }
}

internal sealed class MongoCollection<T>(IMongoCollection<T> collection, MongoStore store) : IDocumentCollection<T>
    where T : class, IDocument
{
    private static FilterDefinition<T> ById(string id) => Builders<T>.Filter.Eq("_id", id);

    public async Task InsertAsync(T document, CancellationToken ct = default)
    {
        document.Version = 1;
        try
        {
            await collection.InsertOneAsync(document, cancellationToken: ct);
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateKeyException(collection.CollectionNamespace.CollectionName, null, e);
        }
    }

    // Without a replica set there are no multi-document transactions: the document first, so a clash stores neither.
    public async Task InsertWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument
    {
        await InsertAsync(document, ct);
        await store.Collection<TCompanion>().InsertAsync(companion, ct);
    }

    public async Task<bool> ReplaceWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument
    {
        if (!await ReplaceAsync(document, ct)) return false;
        await store.Collection<TCompanion>().InsertAsync(companion, ct);
        return true;
    }

    public async Task InsertManyAsync(IReadOnlyCollection<T> documents, CancellationToken ct = default)
    {
        foreach (var document in documents) document.Version = 1;
        try
        {
            await collection.InsertManyAsync(documents, cancellationToken: ct);
        }
        catch (MongoBulkWriteException e) when (e.WriteErrors.Any(w => w.Category == ServerErrorCategory.DuplicateKey))
        {
            throw new DuplicateKeyException(collection.CollectionNamespace.CollectionName, null, e);
        }
    }

    public async Task InsertManyWithAsync<TCompanion>(IReadOnlyCollection<T> documents, IReadOnlyCollection<TCompanion> companions,
        CancellationToken ct = default) where TCompanion : class, IDocument
    {
        await InsertManyAsync(documents, ct);
        await store.Collection<TCompanion>().InsertManyAsync(companions, ct);
    }

    public async Task<T?> GetAsync(string id, CancellationToken ct = default) =>
        await collection.Find(ById(id)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<T>> FindAsync(
        Expression<Func<T, bool>> filter, Expression<Func<T, object>>? orderBy = null, bool descending = false,
        int skip = 0, int? take = null, CancellationToken ct = default)
    {
        var find = collection.Find(filter);
        if (orderBy is not null)
            find = descending ? find.SortByDescending(orderBy) : find.SortBy(orderBy);
        return await find.Skip(skip).Limit(take).ToListAsync(ct);
    }

    public Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken ct = default) =>
        collection.CountDocumentsAsync(filter, cancellationToken: ct);

    public async Task<bool> ReplaceAsync(T document, CancellationToken ct = default)
    {
        var expected = document.Version;
        document.Version = expected + 1;
        try
        {
            var result = await collection.ReplaceOneAsync(
                ById(document.Id) & Builders<T>.Filter.Eq("version", expected), document, cancellationToken: ct);
            if (result.ModifiedCount == 1) return true;
            document.Version = expected;
            return false;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            document.Version = expected;
            throw new DuplicateKeyException(collection.CollectionNamespace.CollectionName, null, e);
        }
    }

    public async Task UpsertAsync(T document, CancellationToken ct = default)
    {
        var current = await collection.Find(ById(document.Id)).Project(Builders<T>.Projection.Include("version")).FirstOrDefaultAsync(ct);
        document.Version = (current?.GetValue("version", 0).ToInt64() ?? 0) + 1;
        await collection.ReplaceOneAsync(ById(document.Id), document, new ReplaceOptions { IsUpsert = true }, ct);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default) =>
        (await collection.DeleteOneAsync(ById(id), ct)).DeletedCount == 1;
}
