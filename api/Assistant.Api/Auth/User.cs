using Assistant.Platform.Storage;

namespace Assistant.Api.Auth;

/// <summary>A signed-in account: staff of a department, finance, an organisation's user, or admin. Id is the username.</summary>
public sealed class User : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? Department { get; set; }
    public string? Region { get; set; }
    public string? OrganisationId { get; set; }
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
}
