using Assistant.Api.Auth;
using Assistant.Api.Catalogue;
using Assistant.Api.Demo;
using Assistant.Api.Evaluations;
using Assistant.Api.Infrastructure;
using Assistant.Api.Policies;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Platform.Hosting;
using Assistant.Platform.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.UseAssistantEnvironment("ASSISTANT_API_PORT", 5080);
builder.AddApiDefaults();
builder.Services.AddDocumentStore(schema => { Schema.Declare(schema); PolicySetup.Declare(schema); });
builder.Services.AddSingleton<IStoreSeeder, DemoSeeder>();
builder.Services.AddSingleton<Assistant.Api.Audit.AuditLog>();
builder.AddRatings();
builder.AddEvaluations();
builder.AddPolicies();

var app = builder.Build();
app.UseApiDefaults();
app.MapAssistantHealth();
app.MapMobileWeb();
app.MapAuthApi();
app.MapProjectsApi();
app.MapCatalogueApi();
app.MapRatingsApi();
app.MapEvaluationsApi();
app.MapPolicyApi();

app.Run();

public partial class Program;
