using Assistant.Platform.Storage;

namespace Assistant.Knowledge.Storage;

/// <summary>
/// One ingested policy document. The id is derived from its 文号 (or, without one, its title), so re-ingesting
/// the same document replaces it instead of adding a duplicate.
/// </summary>
public sealed class PolicyDocument : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string FileName { get; set; } = "";
    public string Title { get; set; } = "";
    public string? DocNumber { get; set; }
    public string? IssuingBody { get; set; }
    public string? IssuedOn { get; set; }
    /// <summary>SHA-256 of the cleaned text: part of the corpus fingerprint the search index is checked against.</summary>
    public string ContentHash { get; set; } = "";
    public int PassageCount { get; set; }
    public DateTime IngestedAt { get; set; }
}

/// <summary>A passage as the document words it (never converted), with its section path.</summary>
public sealed class PolicyPassage : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string DocumentId { get; set; } = "";
    public int Ordinal { get; set; }
    public string Section { get; set; } = "";
    public string Text { get; set; } = "";
}

public static class PolicyStore
{
    public const string Documents = "policy_documents";
    public const string Passages = "policy_passages";

    /// <summary>Called from the host's AddDocumentStore(schema => …) so both engines create the collections and indexes.</summary>
    public static void Declare(StoreSchema schema)
    {
        schema.Collection<PolicyDocument>(Documents).Index("ix_policy_doc_title", d => d.Title);
        schema.Collection<PolicyPassage>(Passages).Index("ix_policy_passage_doc", p => p.DocumentId);
    }
}
