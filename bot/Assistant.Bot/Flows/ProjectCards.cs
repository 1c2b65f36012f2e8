using System.Globalization;
using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Contracts.Api;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Flows;

/// <summary>How projects look in chat: compact cards linking to the project page, and money/dates in Chinese style.</summary>
public sealed class ProjectCards(IOptions<ApiOptions> options)
{
    public const int MaxCards = 8;

    public IActivity List(string text, IReadOnlyList<ProjectSummaryDto> projects) =>
        Replies.Cards(text, projects.Take(MaxCards).Select(p => (
            $"{p.Name}",
            $"{p.Id} · {p.StatusLabel} · 预算{Money(p.Budget)} · {p.MethodLabel}{(p.BidDeadline is { } d ? " · 截止" + Date(d) : "")}",
            options.Value.ProjectUrl(p.Id))));

    public string Url(string id) => options.Value.ProjectUrl(id);

    public string Page(string page) => options.Value.PageUrl(page);

    public static string Money(decimal yuan) =>
        yuan >= 10_000m ? $"{(yuan / 10_000m).ToString("0.##", CultureInfo.InvariantCulture)}万元" : $"{yuan.ToString("0.##", CultureInfo.InvariantCulture)}元";

    public static string Date(DateTime utc) => ChinaTime.From(utc).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
