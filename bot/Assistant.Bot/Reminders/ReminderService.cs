using Assistant.Bot.DirectLine;
using Assistant.Platform.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Assistant.Bot.Reminders;

/// <summary>
/// Schedules reminders and sends the due ones proactively: into Direct Line conversations through our adapter, into
/// Bot Framework channels (Teams, Emulator …) through CloudAdapter with the configured app id.
/// </summary>
public sealed class ReminderService(
    IDocumentStore store, DirectLineAdapter directLine, IBotFrameworkHttpAdapter botFramework, IConfiguration configuration,
    TimeProvider clock, ILogger<ReminderService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private IDocumentCollection<Reminder> Reminders => store.Collection<Reminder>();

    public async Task<Reminder> ScheduleAsync(ConversationReference reference, string text, DateTime dueAtUtc, CancellationToken ct)
    {
        var reminder = new Reminder
        {
            Id = Guid.NewGuid().ToString("N"), Reference = JsonConvert.SerializeObject(reference), ChannelId = reference.ChannelId,
            Text = text, DueAt = dueAtUtc,
        };
        await Reminders.InsertAsync(reminder, ct);
        return reminder;
    }

    /// <summary>Sends every reminder due by <paramref name="now"/>; returns how many this instance sent.</summary>
    public async Task<int> DeliverDueAsync(DateTime now, CancellationToken ct)
    {
        var sent = 0;
        foreach (var reminder in await Reminders.FindAsync(r => !r.Sent && r.DueAt <= now, r => r.DueAt, take: 100, ct: ct))
        {
            reminder.Sent = true;
            if (!await Reminders.ReplaceAsync(reminder, ct)) continue; // another instance claimed it
            var reference = JsonConvert.DeserializeObject<ConversationReference>(reminder.Reference)!;
            BotCallbackHandler send = (turn, token) => turn.SendActivityAsync(MessageFactory.Text(reminder.Text), token);
            try
            {
                if (reminder.ChannelId == DirectLineAdapter.ChannelId)
                    await directLine.ContinueConversationAsync(DirectLineAdapter.Bot.Id, reference, send, ct);
                else
                    await ((BotAdapter)botFramework).ContinueConversationAsync(configuration["MicrosoftAppId"] ?? "", reference, send, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reminder {Id} could not be delivered", reminder.Id);
            }
        }
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await DeliverDueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { logger.LogWarning(e, "Reminder delivery failed; retrying next tick"); }
        }
    }
}
