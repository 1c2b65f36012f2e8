using System.Text.RegularExpressions;
using Assistant.Bot.Api;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>Finds the one project a user means, by code or by name words; never guesses between several.</summary>
public sealed partial class ProjectLookup(IAssistantApi api)
{
    public abstract record Result;
    public sealed record Found(ProjectDetailsDto Project) : Result;
    public sealed record Ambiguous(IReadOnlyList<ProjectSummaryDto> Candidates) : Result;
    public sealed record NotFound(string What) : Result;

    /// <summary>
    /// By code, else by the name words: projects whose names hold them come before those found by category alone, and
    /// a staff member's own department's projects before others ("居家养老那个项目" from 民政局 means theirs).
    /// </summary>
    public async Task<Result> FindAsync(Understood input, string? department, CancellationToken ct)
    {
        if (input.ProjectCode is { } code) return await ByCodeAsync(code, ct);
        var words = NameWords(input.Text);
        if (words.Length < 2) return new NotFound(input.Text);
        var page = await api.GetProjectsAsync(q: words, take: 10, ct: ct);
        if (page.Items.Count == 0 && input.Region is { } region && words.Replace(region, "").Replace(region[..^1], "") is { Length: >= 2 } shorter)
            page = await api.GetProjectsAsync(q: shorter, region: region, take: 10, ct: ct);
        var items = Prefer(Prefer(page.Items, p => p.Name.Contains(words)), p => department is not null && p.Department == department);
        return items.Count switch
        {
            0 => new NotFound(words),
            1 => await ByCodeAsync(items[0].Id, ct),
            _ => new Ambiguous(items),
        };
    }

    private static IReadOnlyList<ProjectSummaryDto> Prefer(IReadOnlyList<ProjectSummaryDto> items, Func<ProjectSummaryDto, bool> better) =>
        items.Where(better).ToList() is { Count: > 0 } preferred ? preferred : items;

    public async Task<Result> ByCodeAsync(string code, CancellationToken ct)
    {
        try
        {
            return new Found(await api.GetProjectAsync(code, ct));
        }
        catch (ApiException e) when (ApiFailure.IsNotFound(e))
        {
            return new NotFound(code);
        }
    }

    /// <summary>"路灯维护项目现在进展到哪一步了" → "路灯维护": the words left after the question phrasing is removed.</summary>
    public static string NameWords(string text) => QuestionPhrasing().Replace(text, "").Trim();

    [GeneratedRegex(@"[，。？！、,.?!\s]|请问|帮我|查一下|查查|查询|看看|一下|那个|这个|现在|目前|进展|到?哪一?步了?|什么状态|的?状态|情况|怎么样了?|签合同了?吗?|签约了?吗?|定标了?吗?|中标了?吗?|项目|的|了|吗|呢|啊")]
    private static partial Regex QuestionPhrasing();
}
