using Assistant.Bot.Dialogs;
using Assistant.Bot.Reminders;
using Assistant.Bot.Understanding;

namespace Assistant.Bot.Flows;

/// <summary>
/// "提醒我明天截止的项目": lists the projects whose bid deadline falls on that day now, and sends a reminder into this
/// conversation at 09:00 (Beijing time) that morning — or right away if that time has passed.
/// </summary>
public sealed class ReminderFlow(ProjectQueries projects, ProjectCards cards, ReminderService reminders, TimeProvider clock) : IFlow
{
    public string Intent => Intents.ReminderSet;
    public string Help => "例如“提醒我明天截止的项目”。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        var day = input.Date ?? ChinaTime.Today(clock).AddDays(1);
        var due = await projects.DueOnAsync(day, ct);
        if (due.Count == 0)
        {
            await context.SayAsync($"{day:M月d日}没有投标截止的项目，不需要提醒。", ct);
            return;
        }
        await context.SendAsync(cards.List($"{day:M月d日}投标截止的项目有{due.Count}个：", due), ct);
        var at = ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(9, 0)));
        var now = clock.GetUtcNow().UtcDateTime;
        if (at < now) at = now;
        var text = $"提醒：今天（{day:M月d日}）投标截止的项目：{string.Join("、", due.Select(p => $"{p.Name}（{p.Id}）截止{ChinaTime.From(p.BidDeadline!.Value):HH:mm}"))}。";
        await reminders.ScheduleAsync(context.Turn.Activity.GetConversationReference(), text, at, ct);
        await context.SayAsync($"好的，我会在{ChinaTime.From(at):M月d日 HH:mm}提醒您。", ct);
    }

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}
