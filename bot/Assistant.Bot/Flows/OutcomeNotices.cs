using Assistant.Bot.State;
using Assistant.Contracts.Api;
using Microsoft.Bot.Builder;

namespace Assistant.Bot.Flows;

/// <summary>
/// Tells an organisation its verification outcome the next time it talks to the bot: a chat registrant by the key kept
/// at registration, a linked organisation user by its own identity. Told once (the API marks it told); never blocks the turn.
/// </summary>
public sealed class OutcomeNotices(IProvidersApi providers, ILogger<OutcomeNotices> logger)
{
    public async Task TellAsync(ITurnContext turn, UserProfile user, CancellationToken ct)
    {
        string? organisationId = null, key = null;
        if (user.RegisteredOrganisationId is { } registered && user.RegistrationKey is { } k) (organisationId, key) = (registered, k);
        else if (user.IsOrganisation && user.OrganisationId is { } own) organisationId = own;
        if (organisationId is null) return;
        try
        {
            var response = await providers.TakeOutcomeNoticeAsync(organisationId, new OutcomeNoticeRequest(key), ct);
            if (response.IsSuccessStatusCode && response.Content is { } notice)
            {
                await turn.SendActivityAsync(MessageFactory.Text(notice.Message), ct);
                if (key is not null && notice.Status != Contracts.Domain.OrganisationStatus.Pending)
                    (user.RegisteredOrganisationId, user.RegistrationKey) = (null, null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The notice waits for the next turn; the user's question still gets answered now.
            logger.LogWarning(e, "Could not fetch the verification outcome for {Organisation}", organisationId);
        }
    }
}
