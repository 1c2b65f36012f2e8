using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>
/// Registers a provider one question at a time, checking each answer as it is typed (the 统一社会信用代码 with the exact
/// Chinese error of CreditCode.Check), then submits it to the API as pending. The registration key the API hands back is
/// kept in the user's state so the bot can tell the outcome the next time they talk (OutcomeNotices).
/// </summary>
public sealed partial class OrgRegisterFlow(IProvidersApi providers, IAssistantApi api) : IFlow
{
    public string Intent => Intents.OrgRegister;
    public string Help => "登记需要：单位名称、统一社会信用代码（18位，见营业执照或登记证书）、联系人手机号、法定代表人、服务类别、服务区域和成立日期。";

    public Task StartAsync(FlowContext context, Understood input, CancellationToken ct) =>
        context.PromptAsync("name", "好的，我们一步一步来登记承接主体。请问单位的全称是什么？", ct);

    public async Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        switch (context.Frame.Step)
        {
            case "name":
                // A question typed here is a question ("政府购买服务和政府采购有什么区别"), not the organisation's name:
                // rejected as "may interrupt", so the stack answers it and asks for the name again.
                if (NotAName().IsMatch(input.Text)) return Answer.Rejected("这一步请输入单位全称，例如“上虞区夕阳红养老服务中心”。");
                if (input.Text.Length is < 4 or > 60) return Answer.Rejected("单位全称应为4到60个字。");
                context.Set("name", input.Text);
                await context.PromptAsync("code", "请输入18位统一社会信用代码。", ct);
                return Answer.Accepted;
            case "code":
                // A name with 公司 is an enterprise: its code must say so (registration authority 9), and the reverse.
                var expected = context.Frame.Slot("name")!.Contains("公司") ? ProviderKind.Enterprise : (ProviderKind?)null;
                // Words instead of a code: counting its characters ("您输入了20位") would only confuse.
                if (input.CreditCode is null && HasChinese().IsMatch(input.Text))
                    return Answer.Rejected("这一步请输入18位统一社会信用代码（见营业执照或登记证书）；要先办别的事，可以输入“取消”。");
                var check = CreditCode.Check(input.CreditCode ?? input.Text, expected);
                if (!check.IsValid) return Answer.Rejected(check.Error ?? "统一社会信用代码不正确。");
                context.Set("code", check.Code);
                context.Set("kind", check.Kind!.Value.ToString());
                await context.PromptAsync("phone", $"代码核对无误（{check.Kind.Value.Label()}）。请输入联系人手机号。", ct);
                return Answer.Accepted;
            case "phone":
                var phone = Regex.Replace(input.Text, @"[\s-]", "");
                if (!PhonePattern().IsMatch(phone)) return Answer.Invalid("手机号应为11位数字，以13至19开头。");
                context.Set("phone", phone);
                await context.PromptAsync("legal", "请输入法定代表人姓名。", ct);
                return Answer.Accepted;
            case "legal":
                if (FreeText.IsQuestionInstead(input)) return Answer.Rejected("这一步请输入法定代表人姓名。");
                if (input.Text.Length is < 2 or > 30) return Answer.Invalid("法定代表人姓名应为2到30个字。");
                context.Set("legal", input.Text);
                await context.PromptAsync("categories", "贵单位提供哪些服务？可以写多个，用顿号隔开（如“居家养老服务、社区服务”）。", ct, "居家养老服务", "社区服务与治理", "专业社会工作服务");
                return Answer.Accepted;
            case "categories":
                var (codes, unknown) = await MatchCategoriesAsync(input.Text, ct);
                if (codes.Count == 0 || unknown.Count > 0)
                    return Answer.Invalid($"指导目录中没有“{string.Join("、", unknown.DefaultIfEmpty(input.Text))}”，请换个说法，例如“居家养老服务”“社区服务”“校园安保”。");
                context.Set("categories", string.Join(",", codes));
                await context.PromptAsync("regions", "服务区域是哪里？可以写多个（如“上虞区、越城区”）。", ct);
                return Answer.Accepted;
            case "regions":
                var regions = Split(input.Text);
                if (regions.Count == 0 || regions.Any(r => r.Length is < 2 or > 20)) return Answer.Invalid("请写出区县或城市名称，例如“上虞区”。");
                context.Set("regions", string.Join(",", regions));
                await context.PromptAsync("established", "单位的成立日期是哪天？（如“2016年5月12日”）", ct);
                return Answer.Accepted;
            case "established":
                if (Established(input, context.Today) is not { } date) return Answer.Invalid("请写出成立日期，例如“2016年5月12日”或“2016-05-12”，且不能晚于今天。");
                context.Set("established", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await context.ConfirmAsync(
                    $"请确认：{context.Frame.Slot("name")}，统一社会信用代码 {context.Frame.Slot("code")}，法定代表人 {context.Frame.Slot("legal")}，" +
                    $"联系人手机 {context.Frame.Slot("phone")}，服务类别 {context.Frame.Slot("categories")}，服务区域 {context.Frame.Slot("regions")}，" +
                    $"成立于{date:yyyy年M月d日}。信息正确吗？", ct);
                return Answer.Accepted;
            case Steps.Confirm:
                return await ConfirmedAsync(context, input, ct);
        }
        return Answer.Accepted;
    }

    private async Task<Answer> ConfirmedAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (input.Is(Intents.Deny)) { context.End(); await context.SayAsync("好的，没有提交。需要时可以重新开始登记。", ct); return Answer.Accepted; }
        if (!input.Is(Intents.Affirm) && input.Text != "确认") return Answer.Rejected("请回答“确认”或“取消”。");
        context.End();
        var slots = context.Frame;
        var request = new RegisterOrganisationRequest(
            slots.Slot("name"), slots.Slot("code"), Enum.Parse<ProviderKind>(slots.Slot("kind")!), slots.Slot("legal"), slots.Slot("phone"),
            slots.Slot("categories")!.Split(','), slots.Slot("regions")!.Split(','),
            DateTime.SpecifyKind(DateTime.ParseExact(slots.Slot("established")!, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc));
        try
        {
            var result = await providers.RegisterOrganisationAsync(request, ct);
            context.User.RegisteredOrganisationId = result.Organisation.Id;
            context.User.RegistrationKey = result.RegistrationKey;
            await context.SayAsync($"登记申请已提交（编号 {result.Organisation.Id}），当前状态：待审核。工作人员审核后，您下次和我对话时我会告诉您结果。", ct);
        }
        catch (ApiException e) when ((int)e.StatusCode < 500)
        {
            var problem = ApiProblem.From(e);
            await context.SayAsync(e.StatusCode == HttpStatusCode.Conflict
                ? $"没有提交：{problem.Title}。{problem.Detail}"
                : $"没有提交：{problem.Sentence()}", ct);
        }
        return Answer.Accepted;
    }

    private async Task<(List<string> Codes, List<string> Unknown)> MatchCategoriesAsync(string text, CancellationToken ct)
    {
        var catalogue = await api.GetCatalogueAsync(ct: ct);
        var codes = new List<string>();
        var unknown = new List<string>();
        foreach (var word in Split(text))
        {
            var item = catalogue.FirstOrDefault(i => string.Equals(i.Code, word, StringComparison.OrdinalIgnoreCase) || i.Name == word)
                ?? catalogue.FirstOrDefault(i => i.Name.Contains(word) || word.Contains(i.Name))
                ?? catalogue.FirstOrDefault(i => i.Keywords.Any(k => word.Contains(k) && k.Length >= 2));
            if (item is null) unknown.Add(word);
            else if (!codes.Contains(item.Code)) codes.Add(item.Code);
        }
        return (codes, unknown);
    }

    private static List<string> Split(string text) =>
        Separators().Split(text).Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList();

    private static DateOnly? Established(Understood input, DateOnly today)
    {
        var match = DatePattern().Match(input.Text);
        DateOnly? date = match.Success && DateOnly.TryParse(
            $"{match.Groups[1].Value}-{match.Groups[2].Value}-{(match.Groups[3].Success ? match.Groups[3].Value : "1")}", CultureInfo.InvariantCulture, out var d)
            ? d : input.Date;
        return date is { } value && value <= today && value.Year >= 1949 ? value : null;
    }

    [GeneratedRegex(@"[？?吗呢]|什么|怎么|如何|哪些|哪个|为什么|区别|能不能|可不可以|是否|多少|几")]
    private static partial Regex NotAName();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HasChinese();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*(?:[月\-/.]\s*(\d{1,2}))?")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"[、,，;；\s]+|和|及")]
    private static partial Regex Separators();
}
