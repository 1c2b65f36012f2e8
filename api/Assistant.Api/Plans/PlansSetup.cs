using Assistant.Platform.Storage;

namespace Assistant.Api.Plans;

public static class PlansSetup
{
    /// <summary>Method thresholds per region (Procurement:Thresholds) and the demo plans behind the demo projects.</summary>
    public static WebApplicationBuilder AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProcurementOptions>().BindConfiguration(ProcurementOptions.Section);
        builder.Services.AddSingleton<IStoreSeeder, DemoPlans>();
        return builder;
    }
}
