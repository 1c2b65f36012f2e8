using Assistant.Contracts.Domain;

namespace Assistant.Api.Projects;

/// <summary>
/// The project state machine: draft → published → bidding → evaluating bids → awarded → contracted →
/// in service → evaluated → closed, with cancelled (before a contract) and unsuccessful (流标) as exits.
/// Every feature moves a project only through <see cref="TryMove"/>, so an illegal move is refused the same way everywhere.
/// </summary>
public static class ProjectLifecycle
{
    private static readonly Dictionary<ProjectStatus, ProjectStatus[]> Allowed = new()
    {
        [ProjectStatus.Draft] = [ProjectStatus.Published, ProjectStatus.Cancelled],
        [ProjectStatus.Published] = [ProjectStatus.Bidding, ProjectStatus.Cancelled],
        [ProjectStatus.Bidding] = [ProjectStatus.EvaluatingBids, ProjectStatus.Unsuccessful, ProjectStatus.Cancelled],
        [ProjectStatus.EvaluatingBids] = [ProjectStatus.Awarded, ProjectStatus.Unsuccessful, ProjectStatus.Cancelled],
        [ProjectStatus.Awarded] = [ProjectStatus.Contracted, ProjectStatus.Cancelled],
        [ProjectStatus.Contracted] = [ProjectStatus.InService],
        [ProjectStatus.InService] = [ProjectStatus.Evaluated],
        [ProjectStatus.Evaluated] = [ProjectStatus.Closed],
        [ProjectStatus.Closed] = [],
        [ProjectStatus.Cancelled] = [],
        [ProjectStatus.Unsuccessful] = [ProjectStatus.Draft],
    };

    public static IReadOnlyList<ProjectStatus> Next(ProjectStatus from) => Allowed[from];

    public static bool CanMove(ProjectStatus from, ProjectStatus to) => Allowed[from].Contains(to);

    /// <summary>Moves the project and records the change; on an illegal move returns the reason in Chinese and changes nothing.</summary>
    public static bool TryMove(Project project, ProjectStatus to, string by, DateTime at, string? reason, out string? error)
    {
        if (!CanMove(project.Status, to))
        {
            var next = Allowed[project.Status];
            error = next.Length == 0
                ? $"项目已{project.Status.Label()}，不能再变更状态"
                : $"项目当前为“{project.Status.Label()}”，不能直接变为“{to.Label()}”（下一步只能是：{string.Join("、", next.Select(s => s.Label()))}）";
            return false;
        }
        project.History.Add(new StatusChange { From = project.Status, To = to, At = at, By = by, Reason = reason });
        project.Status = to;
        error = null;
        return true;
    }

    /// <summary>What happens next and who acts, for status answers in chat and on the project page.</summary>
    public static (string NextStep, string Actor) NextStep(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => ("财政部门审核后发布项目信息", "购买主体"),
        ProjectStatus.Published => ("开放投标报名，答复澄清问题", "购买主体"),
        ProjectStatus.Bidding => ("投标截止后开标评标", "购买主体"),
        ProjectStatus.EvaluatingBids => ("完成评标并确定承接主体", "购买主体"),
        ProjectStatus.Awarded => ("签订购买服务合同", "购买主体与承接主体"),
        ProjectStatus.Contracted => ("承接主体开始提供服务", "承接主体"),
        ProjectStatus.InService => ("服务期满后开展绩效评价", "购买主体、第三方"),
        ProjectStatus.Evaluated => ("按评价结果结算资金并结项", "购买主体、财政部门"),
        ProjectStatus.Closed => ("已结项，无后续步骤", "—"),
        ProjectStatus.Cancelled => ("已取消，无后续步骤", "—"),
        ProjectStatus.Unsuccessful => ("调整后重新组织采购", "购买主体"),
        _ => ("", ""),
    };

    /// <summary>Bids are taken only in Bidding (and before the deadline, checked by the server clock at submission).</summary>
    public static bool IsOpenForBids(ProjectStatus status) => status is ProjectStatus.Bidding;

    /// <summary>Clarification questions are taken once the project is disclosed (and before the clarification deadline).</summary>
    public static bool IsOpenForQuestions(ProjectStatus status) => status is ProjectStatus.Published or ProjectStatus.Bidding;
}
