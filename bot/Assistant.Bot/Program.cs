using Assistant.Bot.Hosting;
using Assistant.Platform.Hosting;

// The bot host: Bot Framework endpoint (/api/messages), local Direct Line (/v3/directline), health. See Hosting/BotHost.cs.
var builder = WebApplication.CreateBuilder(args);
builder.UseAssistantEnvironment("ASSISTANT_BOT_PORT", 3978);
builder.AddAssistantBot();

var app = builder.Build();
app.MapAssistantBot();
app.Run();
