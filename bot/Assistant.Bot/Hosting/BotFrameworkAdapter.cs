using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace Assistant.Bot.Hosting;

/// <summary>
/// The Bot Framework endpoint's adapter. Authentication comes from MicrosoftAppId/MicrosoftAppPassword: with both
/// empty (local runs, the Emulator) requests are accepted unauthenticated; once set, every request must carry a valid
/// Bot Framework token.
/// </summary>
public sealed class BotFrameworkAdapter : CloudAdapter
{
    public BotFrameworkAdapter(BotFrameworkAuthentication auth, TurnErrorHandler errors, ILogger<BotFrameworkAdapter> logger)
        : base(auth, logger)
    {
        OnTurnError = errors.HandleAsync;
    }
}
