namespace Assistant.Api.Catalogue;

/// <summary>
/// 负面清单: matters that are never bought, whatever the catalogue says (Xianning 2015-39 §三, Jiangbei 2015-109).
/// Each matter has words that flag a plan item or project text as falling under it.
/// </summary>
public static class ExcludedMatters
{
    public sealed record Matter(string Code, string Name, string[] Keywords);

    public static readonly IReadOnlyList<Matter> All =
    [
        new("security", "国家安全和保密事项", ["国家安全", "保密", "涉密", "国家秘密"]),
        new("judicial", "司法审判、行政许可、行政处罚等行政行为", ["行政许可", "行政处罚", "行政审批", "行政强制", "司法", "审判", "检察"]),
        new("construction", "基础设施建设等工程项目", ["基础设施建设", "工程建设", "土建", "修建", "新建道路", "建设工程"]),
        new("financing", "融资行为", ["融资", "贷款", "借款", "发行债券"]),
        new("staffing", "购买机关事业单位人员（变相用工）", ["雇佣人员", "招聘编制", "聘用人员", "劳务派遣", "借用人员"]),
        new("core-duties", "应由政府直接履职的事项", ["决策", "执法", "监督检查职能"]),
    ];

    /// <summary>The first excluded matter whose words appear in the text, if any.</summary>
    public static Matter? Match(string text) =>
        All.FirstOrDefault(m => m.Keywords.Any(k => text.Contains(k, StringComparison.Ordinal)));
}
