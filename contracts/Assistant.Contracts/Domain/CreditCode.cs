namespace Assistant.Contracts.Domain;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters from 0-9 and A-Z without I, O, S, V, Z;
/// 1st = registration authority, 2nd = organisation type, 3rd–8th = administrative division,
/// 9th–17th = organisation code, 18th = mod-31 check character. Shared by the API and the bot so
/// the bot can explain a mistake while the user is still typing.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper case, full-width to half-width, spaces removed: the form we store and compare.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var chars = input.Trim()
            .Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c)
            .Where(c => !char.IsWhiteSpace(c) && c != '-')
            .Select(char.ToUpperInvariant);
        return new string(chars.ToArray());
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Validates a code; the error, if any, is a sentence in Chinese saying exactly what is wrong.</summary>
    public static CreditCodeCheck Check(string? input, ProviderKind? expectedKind = null)
    {
        var code = Normalize(input);
        if (code.Length == 0) return CreditCodeCheck.Fail(code, "请填写统一社会信用代码（18位，见营业执照或登记证书）");
        if (code.Length != 18) return CreditCodeCheck.Fail(code, $"统一社会信用代码应为18位，您输入了{code.Length}位");
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(code[i]) < 0)
                return CreditCodeCheck.Fail(code, $"第{i + 1}位“{code[i]}”不是有效字符（代码不使用字母 I、O、S、V、Z）");
        }
        if (!code.AsSpan(2, 6).ToString().All(char.IsAsciiDigit))
            return CreditCodeCheck.Fail(code, "第3至8位应为行政区划代码（6位数字）");
        if (CheckCharacter(code) != code[17])
            return CreditCodeCheck.Fail(code, "第18位校验码不对，请核对营业执照或登记证书");
        var kind = KindOf(code);
        if (kind is null)
            return CreditCodeCheck.Fail(code, $"第1位登记管理部门代码“{code[0]}”不是社会组织（5）、企业（9）或事业单位（1）的代码");
        if (expectedKind is { } expected && kind != expected)
            return CreditCodeCheck.Fail(code, expected == ProviderKind.SocialOrganisation
                ? "社会组织的代码应以5开头（民政部门登记），此代码属于" + kind.Value.Label()
                : $"{expected.Label()}的代码应以{(expected == ProviderKind.Enterprise ? "9（市场监管部门登记）" : "1（机构编制部门登记）")}开头，此代码属于{kind.Value.Label()}");
        return new CreditCodeCheck(code, true, null, kind);
    }

    /// <summary>Registration authority: 5 = 民政 (social organisation), 9 = 市场监管/工商 (enterprise), 1 = 机构编制 (institution).</summary>
    public static ProviderKind? KindOf(string code) => code.Length == 0 ? null : code[0] switch
    {
        '5' when code.Length > 1 && code[1] is '1' or '2' or '3' or '9' => ProviderKind.SocialOrganisation,
        '9' when code.Length > 1 && code[1] is '1' or '2' or '3' => ProviderKind.Enterprise,
        '1' when code.Length > 1 && code[1] is '1' or '2' or '3' or '9' => ProviderKind.Institution,
        _ => null,
    };

    /// <summary>Makes a valid code from the first 17 characters (demo data and tests).</summary>
    public static string Complete(string first17) => first17 + CheckCharacter(first17);
}

public sealed record CreditCodeCheck(string Code, bool IsValid, string? Error, ProviderKind? Kind)
{
    public static CreditCodeCheck Fail(string code, string error) => new(code, false, error, null);
}
