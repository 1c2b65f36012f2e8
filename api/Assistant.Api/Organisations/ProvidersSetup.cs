using Assistant.Api.Bids;
using Assistant.Api.Blacklist;
using Assistant.Api.Clarifications;
using Assistant.Api.Contracting;
using Assistant.Api.Scheduling;

namespace Assistant.Api.Organisations;

/// <summary>Issue 5 (providers: registration, eligibility, clarifications, bidding, award, blacklist) in two lines of Program.cs.</summary>
public static class ProvidersSetup
{
    public static WebApplicationBuilder AddProviders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section);
        builder.Services.AddSingleton<BidDeadlineCloser>();
        builder.Services.AddHostedService<BidDeadlineScheduler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app) => app
        .MapOrganisationsApi()
        .MapBidsApi()
        .MapProcurementApi()
        .MapClarificationsApi()
        .MapContractsApi()
        .MapBlacklistApi();
}
