using System.Linq.Expressions;

namespace Assistant.Platform.Storage;

/// <summary>One declared index: a single field (LiteDB has no compound indexes; features store a composite key field instead).</summary>
public sealed record IndexDefinition(string Name, LambdaExpression Field, bool Unique);

public sealed class CollectionDefinition(Type documentType, string name)
{
    public Type DocumentType { get; } = documentType;
    public string Name { get; } = name;
    public List<IndexDefinition> Indexes { get; } = [];
}

/// <summary>
/// Collection names and named indexes, declared once by the features and applied at start-up by whichever engine runs.
/// </summary>
public sealed class StoreSchema
{
    private readonly Dictionary<Type, CollectionDefinition> _collections = [];

    public IReadOnlyCollection<CollectionDefinition> Collections => _collections.Values;

    public CollectionBuilder<T> Collection<T>(string name) where T : class, IDocument
    {
        if (!_collections.TryGetValue(typeof(T), out var definition))
        {
            definition = new CollectionDefinition(typeof(T), name);
            _collections.Add(typeof(T), definition);
        }
        else if (definition.Name != name)
        {
            throw new InvalidOperationException($"{typeof(T).Name} is already mapped to '{definition.Name}'.");
        }
        return new CollectionBuilder<T>(definition);
    }

    public CollectionDefinition For(Type type) =>
        _collections.TryGetValue(type, out var definition)
            ? definition
            : throw new InvalidOperationException($"{type.Name} is not declared in the store schema (call schema.Collection<{type.Name}>(...) in its feature's registration).");
}

public sealed class CollectionBuilder<T>(CollectionDefinition definition) where T : class, IDocument
{
    public CollectionBuilder<T> Index<TKey>(string name, Expression<Func<T, TKey>> field, bool unique = false)
    {
        if (definition.Indexes.All(i => i.Name != name))
            definition.Indexes.Add(new IndexDefinition(name, field, unique));
        return this;
    }
}
