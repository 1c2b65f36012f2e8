using Assistant.Contracts.Domain;

namespace Assistant.Bot.State;

/// <summary>Who the chat user is in the platform, once they linked their account ("绑定 123456").</summary>
public sealed class UserProfile
{
    public string? Username { get; set; }
    public string? DisplayName { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? OrganisationId { get; set; }
    public string? Department { get; set; }

    /// <summary>An organisation registered in this chat and the key to learn its verification outcome (told once, then cleared).</summary>
    public string? RegisteredOrganisationId { get; set; }
    public string? RegistrationKey { get; set; }

    [Newtonsoft.Json.JsonIgnore, System.Text.Json.Serialization.JsonIgnore]
    public bool IsLinked => !string.IsNullOrEmpty(Username);

    [Newtonsoft.Json.JsonIgnore, System.Text.Json.Serialization.JsonIgnore]
    public bool IsStaff => Roles.Contains(Contracts.Domain.Roles.PurchaserStaff) || Roles.Contains(Contracts.Domain.Roles.Finance) || Roles.Contains(Contracts.Domain.Roles.Admin);

    [Newtonsoft.Json.JsonIgnore, System.Text.Json.Serialization.JsonIgnore]
    public bool IsOrganisation => Roles.Contains(Contracts.Domain.Roles.Organisation);

    /// <summary>Finance and admin manage every department; purchaser staff only their own (same rule as the API).</summary>
    public bool CanManage(string department) =>
        Roles.Contains(Contracts.Domain.Roles.Finance) || Roles.Contains(Contracts.Domain.Roles.Admin) ||
        (Roles.Contains(Contracts.Domain.Roles.PurchaserStaff) && Department == department);
}
