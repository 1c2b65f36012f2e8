using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Organisations;

/// <summary>Who may act for or read about an organisation: its own users act for it; staff read about every one.</summary>
public static class OrganisationAccess
{
    /// <summary>An organisation user acting for their own organisation (never for another).</summary>
    public static bool ActsFor(this ClaimsPrincipal user, string organisationId) =>
        user.IsInRole(Roles.Organisation) && string.Equals(user.OrganisationId(), organisationId, StringComparison.Ordinal);

    public static bool CanRead(this ClaimsPrincipal user, string organisationId) => user.ActsFor(organisationId) || user.IsStaff();

    public static string NormaliseId(string id) => id.Trim().ToLowerInvariant();
}
