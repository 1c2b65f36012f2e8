using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Projects;

public static class ProjectMappings
{
    public static ProjectSummaryDto AsSummary(this Project p) => new(
        p.Id, p.Name, p.Department, p.Region, p.CatalogueCode, p.Category, p.Budget,
        p.Method, p.Method.Label(), p.Status, p.Status.Label(), p.BidDeadline);

    public static ProjectDetailsDto AsDetails(this Project p)
    {
        var (nextStep, actor) = ProjectLifecycle.NextStep(p.Status);
        return new ProjectDetailsDto(
            p.Id, p.Name, p.Department, p.Region, p.CatalogueCode, p.Category, p.Year, p.Content, p.ServiceStandard,
            new ProjectRequirementsDto(p.Requirements.MinYearsEstablished, p.Requirements.ProviderKinds, p.Requirements.Qualifications, p.Requirements.Notes),
            p.Budget, p.Method, p.Method.Label(), p.MethodJustification, p.PerformanceTargets,
            p.Status, p.Status.Label(), nextStep, actor,
            p.PublishedAt, p.ClarificationDeadline, p.BidDeadline, p.AwardedAt, p.ServiceStart, p.ServiceEnd,
            p.History.Select(h => new StatusChangeDto(h.From, h.To, h.At, h.Reason)).ToList());
    }
}
