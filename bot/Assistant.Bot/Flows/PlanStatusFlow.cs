using System.Net;
using System.Text.RegularExpressions;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>
/// "我们局今年的购买计划审核到哪了": the linked staff member's department plan for the year, counted by review status,
/// with what finance returned and why. The API decides what the user may see (own department; finance all).
/// </summary>
public sealed partial class PlanStatusFlow(IPlansApi plans, TimeProvider clock) : IFlow
{
    public string Intent => Intents.PlanStatus;
    public string Help => "例如“我们局今年的购买计划审核到哪了”或“2025年购买计划”。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (!context.User.IsStaff)
        {
            await context.SayAsync("购买计划只对购买主体和财政部门的工作人员开放：请先在网页登录，生成绑定码后输入“绑定 123456”。", ct);
            return;
        }
        var year = YearOf(input.Text, ChinaTime.Today(clock).Year);
        PlanSummaryDto summary;
        try
        {
            summary = await plans.GetPlanSummaryAsync(year, ct: ct);
        }
        catch (ApiException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            await context.SayAsync("您的账号没有查看购买计划的权限，如有疑问请联系财政部门。", ct);
            return;
        }
        await context.SayAsync(summary.Text, ct);
    }

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);

    /// <summary>"2025年" → 2025, "去年" → last year, "明年" → next year; otherwise this year.</summary>
    public static int YearOf(string text, int thisYear) =>
        YearPattern().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value)
        : text.Contains("去年") ? thisYear - 1
        : text.Contains("明年") ? thisYear + 1
        : thisYear;

    [GeneratedRegex(@"(20\d{2})\s*年")]
    private static partial Regex YearPattern();
}
