using System.Security.Claims;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Accounts;

/// <summary>
/// Links a chat user to an account by a one-time code shown to the signed-in user (or issued by staff), never by a
/// name claimed in chat. The bot redeems the code with its service credential and then acts as that account.
/// </summary>
public static class AccountLinksApi
{
    public static WebApplicationBuilder AddAccountLinks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountLinkOptions>().BindConfiguration(AccountLinkOptions.Section);
        builder.Services.AddSingleton<LinkCodes>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAccountLinksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account-links").WithTags("Account links");
        group.MapPost("/", Create).RequireAuthorization().AcceptsNoBody();
        group.MapPost("/issue", Issue).RequireAuthorization().Validated<IssueRequest>();
        group.MapPost("/redeem", LinkRedemption.Redeem).RequireAuthorization(AuthSetup.BotPolicy).Validated<RedeemRequest>();
        return app;
    }

    public sealed record IssueRequest(string? Username) : IValidatable
    {
        public void Validate(ValidationErrors errors) => errors.Require(nameof(Username), Username, "用户名", 64);
    }

    public sealed record RedeemRequest(string? Code, string? ChannelUserId) : IValidatable
    {
        public void Validate(ValidationErrors errors)
        {
            errors.Require(nameof(ChannelUserId), ChannelUserId, "聊天用户标识", 200);
            var code = Code?.Trim();
            if (string.IsNullOrEmpty(code)) errors.Add(nameof(Code), "请填写绑定码");
            else if (code.Length != 6 || !code.All(char.IsAsciiDigit)) errors.Add(nameof(Code), "绑定码应为6位数字");
        }
    }

    /// <summary>A code for the signed-in user's own account, to type in chat within the lifetime (10 minutes).</summary>
    public static async Task<Results<Ok<AccountLinkCodeDto>, ProblemHttpResult>> Create(
        ClaimsPrincipal principal, IDocumentStore store, LinkCodes codes, AuditLog audit, CancellationToken ct)
    {
        var user = await store.Collection<User>().GetAsync(principal.Actor(), ct);
        if (user is null)
            return Problems.NotFound("账号不存在", "当前登录的账号已被删除");
        return TypedResults.Ok(await IssueAndRecord(user, principal, codes, audit, ct));
    }

    /// <summary>
    /// Staff issue a code for someone who cannot sign in on the phone: admin for anyone, staff and finance for accounts
    /// of their own department, an organisation's user for accounts of the same organisation.
    /// </summary>
    public static async Task<Results<Ok<AccountLinkCodeDto>, ProblemHttpResult>> Issue(
        IssueRequest request, ClaimsPrincipal principal, IDocumentStore store, LinkCodes codes, AuditLog audit, CancellationToken ct)
    {
        var user = await store.Collection<User>().GetAsync(request.Username!.Trim().ToLowerInvariant(), ct);
        if (user is null)
            return Problems.NotFound("账号不存在", $"没有用户名为 {request.Username} 的账号");
        if (!MayIssueFor(principal, user))
            return Problems.Forbidden("无权为该账号签发绑定码", "只能为本部门（或本机构）的账号签发绑定码；其他账号请联系系统管理员");
        return TypedResults.Ok(await IssueAndRecord(user, principal, codes, audit, ct));
    }

    internal static bool MayIssueFor(ClaimsPrincipal principal, User target)
    {
        if (principal.IsInRole(Roles.Admin)) return true;
        // Admin accounts are only ever linked by their own holder or another admin.
        if (target.Roles.Contains(Roles.Admin)) return false;
        if ((principal.IsInRole(Roles.PurchaserStaff) || principal.IsInRole(Roles.Finance)) && principal.Department() is { } department)
            return target.Department == department;
        if (principal.IsInRole(Roles.Organisation) && principal.OrganisationId() is { } organisation)
            return target.OrganisationId == organisation;
        return false;
    }

    private static async Task<AccountLinkCodeDto> IssueAndRecord(User user, ClaimsPrincipal principal, LinkCodes codes, AuditLog audit, CancellationToken ct)
    {
        var (code, record) = await codes.IssueAsync(user, principal.Actor(), ct);
        await audit.RecordAsync(principal.Actor(), "account-link.issued", "User", user.Id,
            details: $"有效期至 {record.ExpiresAt:yyyy-MM-dd HH:mm} (UTC)", ct: ct);
        return new AccountLinkCodeDto(code, record.ExpiresAt, user.Id);
    }
}
