using Assistant.Knowledge;
using Assistant.Knowledge.Catalogue;
using Assistant.Knowledge.Storage;
using Assistant.Platform.Storage;

namespace Assistant.Api.Policies;

public static class PolicySetup
{
    /// <summary>The policy knowledge base, answering catalogue questions from the live catalogue (<see cref="ApiCatalogueFacts"/>).</summary>
    public static WebApplicationBuilder AddPolicies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICatalogueFacts, ApiCatalogueFacts>();
        builder.Services.AddPolicyKnowledge();
        builder.Services.AddSingleton<IStoreSeeder, PolicyDemoSeeder>();
        builder.Services.AddHostedService<PlatformRulesPublisher>();
        return builder;
    }

    /// <summary>The policy collections, for the AddDocumentStore call.</summary>
    public static void Declare(StoreSchema schema) => PolicyStore.Declare(schema);
}
