using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;

namespace Assistant.Api.Organisations;

/// <summary>承接主体: a social organisation or enterprise that bids and delivers. Unique by normalised credit code.</summary>
public sealed class Organisation : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string Name { get; set; }
    /// <summary>Normalised (CreditCode.Normalize): upper case, no spaces; unique index.</summary>
    public required string CreditCode { get; init; }
    public ProviderKind Kind { get; set; }
    public string LegalRepresentative { get; set; } = "";
    public string ContactMobile { get; set; } = "";
    /// <summary>Catalogue item codes of the services it provides.</summary>
    public List<string> ServiceCategories { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public List<string> Qualifications { get; set; } = [];
    public DateTime EstablishedOn { get; set; }
    public OrganisationStatus Status { get; set; }
    public string? RejectionReason { get; set; }
    public DateTime RegisteredAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>Set when the organisation has not yet been told of its verification outcome (the bot tells it next time).</summary>
    public bool OutcomeNotified { get; set; }
    /// <summary>SHA-256 of the key handed out once at registration, so an anonymous registrant (e.g. via the bot) can learn the outcome.</summary>
    public string? RegistrationKeyHash { get; set; }
}
