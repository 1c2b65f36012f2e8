using System.Text.RegularExpressions;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Reminders;
using Assistant.Bot.Understanding;

namespace Assistant.Bot.Flows;

/// <summary>
/// "提醒我明天截止的项目": lists the projects whose bid deadline falls on that day now, and sends a reminder into this
/// conversation at 09:00 (Beijing time) that morning — or right away if that time has passed. "提醒我SY-2026-001截止前
/// 两天": a reminder about that project, at 09:00 that many days before its deadline (one by default).
/// </summary>
public sealed partial class ReminderFlow(ProjectQueries projects, ProjectCards cards, ProjectLookup lookup, ReminderService reminders, TimeProvider clock) : IFlow
{
    public string Intent => Intents.ReminderSet;
    public string Help => "例如“提醒我明天截止的项目”。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (input.ProjectCode is { } code)
        {
            await ProjectAsync(context, code, input.Text, ct);
            return;
        }
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

    // "SY-2026-001截止前一天" names the project, not a day: before this, "前一天" was read as tomorrow's date.
    private async Task ProjectAsync(FlowContext context, string code, string text, CancellationToken ct)
    {
        if (await lookup.ByCodeAsync(code, ct) is not ProjectLookup.Found { Project: var project })
        {
            await context.SayAsync($"没有编号为 {code} 的公开项目，请核对编号。", ct);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (project.BidDeadline is not { } deadline || deadline <= now)
        {
            await context.SayAsync($"{project.Name}（{project.Id}）{(project.BidDeadline is null ? "没有投标截止时间" : "的投标已经截止")}，不需要提醒。", ct);
            return;
        }
        var local = ChinaTime.From(deadline);
        var at = ChinaTime.ToUtc(DateOnly.FromDateTime(local).AddDays(-DaysBefore(text)).ToDateTime(new TimeOnly(9, 0)));
        if (at < now) at = now;
        if (at > deadline) at = deadline.AddHours(-1) > now ? deadline.AddHours(-1) : now;
        await reminders.ScheduleAsync(context.Turn.Activity.GetConversationReference(),
            $"提醒：{project.Name}（{project.Id}）的投标将于{local:M月d日 HH:mm}截止。", at, ct);
        await context.SayAsync($"好的，我会在{ChinaTime.From(at):M月d日 HH:mm}提醒您：{project.Name}（{project.Id}）投标截止时间是{local:M月d日 HH:mm}。", ct);
    }

    /// <summary>"前三天" → 3, "当天" → 0; one day by default.</summary>
    private static int DaysBefore(string text)
    {
        if (text.Contains("当天") || text.Contains("当日")) return 0;
        if (DaysBeforePattern().Match(text) is not { Success: true } m) return 1;
        var n = m.Groups[1].Value;
        var days = int.TryParse(n, out var digits) ? digits : (int)(ChineseNumber.Parse(n) ?? 1);
        return Math.Clamp(days, 0, 30);
    }

    [GeneratedRegex("前\\s*(\\d+|[一两二三四五六七八九十]+)\\s*天")]
    private static partial Regex DaysBeforePattern();

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);
}
