using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Organisations;

public static class OrganisationMappings
{
    public static OrganisationDto AsDto(this Organisation o) => new(
        o.Id, o.Name, o.CreditCode, o.Kind, o.Kind.Label(), o.LegalRepresentative, o.ContactMobile,
        o.ServiceCategories, o.Regions, o.Qualifications, o.EstablishedOn, o.Status, o.Status.Label(),
        o.RejectionReason, o.RegisteredAt, o.DecidedAt);

    public static string Label(this OrganisationStatus status) => status switch
    {
        OrganisationStatus.Pending => "待审核",
        OrganisationStatus.Verified => "已审核通过",
        OrganisationStatus.Rejected => "未通过审核",
        _ => status.ToString(),
    };
}
