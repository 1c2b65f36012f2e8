using System.Net;
using Assistant.Bot.Api;
using Assistant.Bot.Dialogs;
using Assistant.Bot.Understanding;
using Assistant.Contracts.Api;
using Refit;

namespace Assistant.Bot.Flows;

/// <summary>"绑定 123456": redeems the code the user got on the signed-in web page, then the bot acts as that user.</summary>
public sealed class AccountLinkFlow(IAccessApi access) : IFlow
{
    public string Intent => Intents.AccountLink;
    public string Help => Where;

    private const string Where = "绑定码在网页上生成：登录“承接机构”或“工作人员”页面，在“在咨询助手中使用本账号”一栏点“生成绑定码”，然后在这里输入“绑定”加6位绑定码，例如“绑定 123456”。";

    public async Task StartAsync(FlowContext context, Understood input, CancellationToken ct)
    {
        if (input.LinkCode is not { } code)
        {
            await context.SayAsync(Where, ct);
            return;
        }
        LinkedAccountDto account;
        try
        {
            account = await access.RedeemLinkCodeAsync(new RedeemLinkCodeRequest(code, ChannelUserId(context)), ct);
        }
        catch (ApiException e) when (e.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The API does not accept the bot's service key (not configured on one side): linking cannot work.
            await context.SayAsync("账号绑定暂时不可用（机器人服务凭据未配置），目前您只能查询公开信息。请联系管理员。", ct);
            return;
        }
        catch (ApiException e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            await context.SayAsync("绑定码无效或已过期，请在网页上重新生成后再试（绑定码只能使用一次）。", ct);
            return;
        }
        context.User.Username = account.Username;
        context.User.DisplayName = account.DisplayName;
        context.User.Roles = [.. account.Roles];
        context.User.OrganisationId = account.OrganisationId;
        context.User.Department = account.Department;
        await context.SayAsync($"绑定成功，{account.DisplayName}！之后我会按您的账号权限查询和办理{(account.Department is { } d ? $"（{d}）" : "")}。", ct);
    }

    public Task<Answer> ContinueAsync(FlowContext context, Understood input, CancellationToken ct) => Task.FromResult(Answer.Accepted);

    /// <summary>Channel-qualified so the same id on two channels is not the same person.</summary>
    public static string ChannelUserId(FlowContext context) => $"{context.Turn.Activity.ChannelId}:{context.Turn.Activity.From?.Id}";
}
