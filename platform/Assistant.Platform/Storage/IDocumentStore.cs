using System.Linq.Expressions;

namespace Assistant.Platform.Storage;

/// <summary>
/// Every stored document has a string id (the engine's <c>_id</c>) and a version for optimistic concurrency.
/// </summary>
public interface IDocument
{
    string Id { get; }
    long Version { get; set; }
}

/// <summary>
/// The narrow port over the engines we run on (MongoDB in production, the embedded log store of ADR 0011).
/// It is deliberately not a repository: features write their own queries as expressions next to their
/// endpoints; this port only exists so those queries run unchanged on either engine (ADR 0002).
/// </summary>
public interface IDocumentStore
{
    IDocumentCollection<T> Collection<T>() where T : class, IDocument;

    /// <summary>Reachable and every declared index is in place.</summary>
    Task<bool> IsReadyAsync(CancellationToken ct = default);

    string EngineName { get; }
}

public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Skip, int Take);

public interface IDocumentCollection<T> where T : class, IDocument
{
    /// <summary>Inserts with <see cref="IDocument.Version"/> 1. Throws <see cref="DuplicateKeyException"/> on a unique index or id clash.</summary>
    Task InsertAsync(T document, CancellationToken ct = default);

    /// <summary>
    /// Inserts the document and a companion in another collection (its audit event) as one write: on LiteDB one
    /// transaction and one commit, both or neither; on MongoDB the document first, then the companion. A clash on the
    /// document throws <see cref="DuplicateKeyException"/> and stores neither.
    /// </summary>
    Task InsertWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument;

    /// <summary>
    /// <see cref="ReplaceAsync"/> and, only if it succeeds, inserts a companion in another collection, as one write: on
    /// LiteDB one transaction and one commit, both or neither; on MongoDB the replace first, then the companion.
    /// Returns false (and inserts nothing) on a version conflict.
    /// </summary>
    Task<bool> ReplaceWithAsync<TCompanion>(T document, TCompanion companion, CancellationToken ct = default) where TCompanion : class, IDocument;

    /// <summary>Inserts many in one write (one commit on LiteDB); all or nothing is not promised on MongoDB.</summary>
    Task InsertManyAsync(IReadOnlyCollection<T> documents, CancellationToken ct = default);

    /// <summary>
    /// <see cref="InsertManyAsync"/> with companions in another collection (e.g. their audit events): on LiteDB one
    /// transaction and one commit, all or nothing; on MongoDB the documents first, then the companions.
    /// </summary>
    Task InsertManyWithAsync<TCompanion>(IReadOnlyCollection<T> documents, IReadOnlyCollection<TCompanion> companions,
        CancellationToken ct = default) where TCompanion : class, IDocument;

    Task<T?> GetAsync(string id, CancellationToken ct = default);

    Task<IReadOnlyList<T>> FindAsync(
        Expression<Func<T, bool>> filter,
        Expression<Func<T, object>>? orderBy = null,
        bool descending = false,
        int skip = 0,
        int? take = null,
        CancellationToken ct = default);

    Task<long> CountAsync(Expression<Func<T, bool>> filter, CancellationToken ct = default);

    /// <summary>
    /// Replaces the stored document only if its version still equals <paramref name="document"/>.Version;
    /// on success the version is incremented (in the store and on the instance). Returns false on a conflict
    /// or when the document does not exist.
    /// </summary>
    Task<bool> ReplaceAsync(T document, CancellationToken ct = default);

    /// <summary>Inserts or overwrites without a version check (bot state with ETag "*", demo data).</summary>
    Task UpsertAsync(T document, CancellationToken ct = default);

    /// <summary>Only for data that may truly be removed (expired tokens, bot state); domain records are never deleted.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct = default);
}

public static class DocumentCollectionExtensions
{
    public static async Task<Page<T>> PageAsync<T>(
        this IDocumentCollection<T> collection,
        Expression<Func<T, bool>> filter,
        Expression<Func<T, object>> orderBy,
        int skip, int take, bool descending = false, CancellationToken ct = default)
        where T : class, IDocument
    {
        var items = await collection.FindAsync(filter, orderBy, descending, skip, take, ct);
        var total = await collection.CountAsync(filter, ct);
        return new Page<T>(items, total, skip, take);
    }
}

public sealed class DuplicateKeyException(string collection, string? index, Exception inner)
    : Exception($"Duplicate key in '{collection}'{(index is null ? "" : $" (index {index})")}.", inner)
{
    public string Collection { get; } = collection;
    public string? Index { get; } = index;
}

/// <summary>Raised when the embedded store's data directory is already owned by another process.</summary>
public sealed class StoreLockedException(string path, Exception inner)
    : Exception($"The embedded store at '{path}' is already in use by another process. " +
                "The embedded store is single-process: stop the other instance or set ASSISTANT_DATA_DIR to another folder " +
                "(or use ASSISTANT_MONGO_URL to run several instances).", inner);
