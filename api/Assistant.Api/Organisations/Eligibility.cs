using Assistant.Api.Projects;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Organisations;

/// <summary>Whether an organisation may take part in a project, with reasons a person can act on.</summary>
public static class Eligibility
{
    public sealed record Result(bool Eligible, List<string> Fits, List<string> Reasons);

    public static Result Check(Organisation o, Project p, DateTime now)
    {
        var fits = new List<string>();
        var reasons = new List<string>();
        if (o.ServiceCategories.Contains(p.CatalogueCode)) fits.Add($"服务类别相符（{p.Category}）");
        else reasons.Add($"服务类别不符：项目属于“{p.Category}”，不在贵机构登记的服务类别中");
        if (o.Regions.Contains(p.Region)) fits.Add($"服务区域相符（{p.Region}）");
        else reasons.Add($"服务区域不符：项目在{p.Region}，不在贵机构登记的服务区域中");
        if (p.BidDeadline is { } deadline && deadline <= now) reasons.Add($"投标已于{deadline:yyyy年M月d日 HH:mm}截止");
        var requirements = RequirementReasons(o, p, now);
        reasons.AddRange(requirements);
        if (requirements.Count == 0 && p.Requirements.MinYearsEstablished > 0)
            fits.Add($"成立满{Numeral(p.Requirements.MinYearsEstablished)}年");
        return new Result(reasons.Count == 0, fits, reasons);
    }

    /// <summary>The project's stated requirements (成立年限, 机构类型, 资质): checked again, hard, when a bid is submitted.</summary>
    public static List<string> RequirementReasons(Organisation o, Project p, DateTime now)
    {
        var reasons = new List<string>();
        var required = p.Requirements.MinYearsEstablished;
        if (required > 0 && o.EstablishedOn.AddYears(required) > now)
            reasons.Add($"成立未满{Numeral(required)}年（贵机构成立于{o.EstablishedOn:yyyy年M月d日}）");
        if (p.Requirements.ProviderKinds.Count > 0 && !p.Requirements.ProviderKinds.Contains(o.Kind))
            reasons.Add($"本项目只接受{string.Join("或", p.Requirements.ProviderKinds.Select(k => k.Label()))}，贵机构为{o.Kind.Label()}");
        var missing = p.Requirements.Qualifications.Where(q => !o.Qualifications.Contains(q)).ToList();
        if (missing.Count > 0) reasons.Add($"缺少所需资质：{string.Join("、", missing)}");
        return reasons;
    }

    private static readonly string[] Digits = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];

    public static string Numeral(int n) => n is >= 0 and <= 10 ? Digits[n] : n.ToString();
}
