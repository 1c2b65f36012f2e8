using Assistant.Contracts.Text;

namespace Assistant.Knowledge.Catalogue;

/// <summary>What the catalogue and the excluded-matters list say about a catalogue question, and which words find the rule in the documents.</summary>
internal sealed record CatalogueVerdict(string Summary, string SearchTerms)
{
    public static CatalogueVerdict? For(CatalogueQuestion question, CatalogueSnapshot facts)
    {
        switch (question.Kind)
        {
            case CatalogueQuestionKind.ExcludedList:
                return new(
                    "不得通过政府购买服务方式购买的事项（负面清单）：" + string.Join("、", facts.Excluded.Select(e => e.Name)) + "。",
                    "不得 不适合 购买 " + string.Join(" ", facts.Excluded.SelectMany(e => e.Keywords.Take(1))));
            case CatalogueQuestionKind.AllowedList:
                var byCategory = facts.Items.GroupBy(i => i.Category)
                    .Select(g => $"{g.Key}（{string.Join("、", g.Select(i => i.Name).Take(8))}{(g.Count() > 8 ? "等" : "")}）");
                return new(
                    "指导目录中可以向社会力量购买的服务：" + string.Join("；", byCategory) + "。目录每年动态调整，以本级当年公布的为准。",
                    "指导目录 购买 范围 公共服务");
            case CatalogueQuestionKind.Subject when question.Subject is { } subject:
                var s = ChineseScript.ToSimplified(subject);
                var excluded = facts.Excluded.FirstOrDefault(e => e.Keywords.Any(s.Contains));
                if (excluded is not null)
                    return new($"“{subject}”属于不得购买的事项（负面清单：{excluded.Name}），不能通过政府购买服务方式购买。",
                        "不得 购买 " + string.Join(" ", excluded.Keywords));
                // The item whose matching keyword is longest: "养老机构等级评定" is an 等级评定 that happens to name 养老.
                var item = facts.Items
                    .Select(i => (Item: i, Match: i.Keywords.Where(k => s.Contains(k) || (s.Length >= 2 && k.Contains(s)))
                        .Select(k => Math.Min(k.Length, s.Length)).DefaultIfEmpty(0).Max()))
                    .Where(x => x.Match > 0).OrderByDescending(x => x.Match).Select(x => x.Item).FirstOrDefault();
                if (item is not null)
                    return new($"可以。“{subject}”在政府购买服务指导目录中（{item.Category}：{item.Name}），可以向社会力量购买；具体以本级当年公布的目录为准。",
                        string.Join(" ", item.Keywords) + " " + item.Name);
                return null;
            default:
                return null;
        }
    }
}
