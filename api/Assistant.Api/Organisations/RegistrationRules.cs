using System.Text.RegularExpressions;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Organisations;

/// <summary>Field-by-field checks of a registration, each error a Chinese sentence the bot can repeat as is.</summary>
public static partial class RegistrationRules
{
    public const int MaxCategories = 20;
    public const int MaxRegions = 20;

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^[a-z0-9_.\-]{3,32}$")]
    private static partial Regex UsernamePattern();

    /// <summary>Spaces, dashes and a +86/86 prefix removed; full-width digits made half-width.</summary>
    public static string NormaliseMobile(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var digits = new string(input.Trim()
            .Select(c => c is >= '\uFF10' and <= '\uFF19' ? (char)(c - 0xFEE0) : c)
            .Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86")) digits = digits[3..];
        else if (digits.Length == 13 && digits.StartsWith("86")) digits = digits[2..];
        return digits;
    }

    public static string? MobileError(string? input)
    {
        var mobile = NormaliseMobile(input);
        if (mobile.Length == 0) return "请填写联系人手机号码";
        if (!mobile.All(char.IsAsciiDigit)) return "手机号码只能包含数字";
        if (mobile.Length != 11) return $"手机号码应为11位，您输入了{mobile.Length}位";
        return MobilePattern().IsMatch(mobile) ? null : "手机号码应以13至19开头";
    }

    public static ValidationErrors Validate(RegisterOrganisationRequest r, IReadOnlySet<string> catalogueCodes, DateTime now)
    {
        var errors = new ValidationErrors();
        errors.Require(nameof(r.Name), r.Name, "机构名称", 100);
        if (r.Kind is null) errors.Add(nameof(r.Kind), "请选择机构类型：社会组织、企业或事业单位");
        var code = CreditCode.Check(r.CreditCode, r.Kind);
        if (!code.IsValid) errors.Add(nameof(r.CreditCode), code.Error!);
        errors.Require(nameof(r.LegalRepresentative), r.LegalRepresentative, "法定代表人", 50);
        if (MobileError(r.ContactMobile) is { } mobile) errors.Add(nameof(r.ContactMobile), mobile);

        var categories = r.ServiceCategories?.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() ?? [];
        if (categories.Count == 0) errors.Add(nameof(r.ServiceCategories), "请至少选择一个服务类别（指导目录中的类别）");
        foreach (var c in categories.Where(c => !catalogueCodes.Contains(c.Trim().ToUpperInvariant())))
            errors.Add(nameof(r.ServiceCategories), $"“{c}”不是指导目录中的服务类别");
        if (categories.Count > MaxCategories) errors.Add(nameof(r.ServiceCategories), $"服务类别最多{MaxCategories}个");

        var regions = r.Regions?.Where(x => !string.IsNullOrWhiteSpace(x)).ToList() ?? [];
        if (regions.Count == 0) errors.Add(nameof(r.Regions), "请至少填写一个服务区域（如：上虞区）");
        if (regions.Count > MaxRegions || regions.Any(x => x.Trim().Length > 30)) errors.Add(nameof(r.Regions), $"服务区域最多{MaxRegions}个，每个不超过30个字");

        if (r.EstablishedOn is null) errors.Add(nameof(r.EstablishedOn), "请填写成立日期");
        else if (r.EstablishedOn.Value.Date > now.Date) errors.Add(nameof(r.EstablishedOn), "成立日期不能晚于今天");
        else if (r.EstablishedOn.Value.Year < 1949) errors.Add(nameof(r.EstablishedOn), "成立日期不正确");

        if ((r.Qualifications?.Count ?? 0) > 20 || r.Qualifications?.Any(q => q.Length > 50) == true)
            errors.Add(nameof(r.Qualifications), "资质最多20项，每项不超过50个字");

        if (!string.IsNullOrWhiteSpace(r.Username) || !string.IsNullOrEmpty(r.Password))
        {
            if (string.IsNullOrWhiteSpace(r.Username) || !UsernamePattern().IsMatch(r.Username.Trim().ToLowerInvariant()))
                errors.Add(nameof(r.Username), "用户名应为3至32位小写字母、数字或 _ . -");
            if (string.IsNullOrEmpty(r.Password) || r.Password.Length < 8 || r.Password.Length > 128)
                errors.Add(nameof(r.Password), "密码应为8至128位");
        }
        return errors;
    }
}
