using Assistant.Api.Accounts;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Catalogue;
using Assistant.Api.Demo;
using Assistant.Api.Evaluations;
using Assistant.Api.Infrastructure;
using Assistant.Api.Projects;
using Assistant.Api.Ratings;
using Assistant.Platform.Hosting;
using Assistant.Platform.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.UseAssistantEnvironment("ASSISTANT_API_PORT", 5080);
builder.AddApiDefaults();
builder.Services.AddDocumentStore(Schema.Declare);
builder.Services.AddSingleton<IStoreSeeder, DemoSeeder>();
builder.Services.AddSingleton<Assistant.Api.Audit.AuditLog>();
builder.AddAccountLinks();
builder.AddRatings();
builder.AddEvaluations();

var app = builder.Build();
app.UseApiDefaults();
app.MapAssistantHealth();
app.MapMobileWeb();
app.MapAuthApi();
app.MapProjectsApi();
app.MapCatalogueApi();
app.MapAccountLinksApi();
app.MapAuditApi();
app.MapProjectStatusApi();
app.MapRatingsApi();
app.MapEvaluationsApi();

app.Run();

public partial class Program;
