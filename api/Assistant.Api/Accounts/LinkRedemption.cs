using System.Globalization;
using Assistant.Api.Audit;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Accounts;

/// <summary>Redeeming a link code, with brute-force protection per chat user and across all chat users.</summary>
public static class LinkRedemption
{
    public static async Task<Results<Ok<LinkedAccountDto>, ProblemHttpResult>> Redeem(
        AccountLinksApi.RedeemRequest request, HttpContext http, IDocumentStore store, LinkCodes codes, AuditLog audit,
        IOptions<AccountLinkOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var channelUser = request.ChannelUserId!.Trim();
        var attempts = store.Collection<LinkAttempts>();
        var mine = await attempts.GetAsync("ch:" + channelUser, ct) ?? new LinkAttempts { Id = "ch:" + channelUser, WindowStart = now };
        var all = await attempts.GetAsync(LinkAttempts.AllChannels, ct) ?? new LinkAttempts { Id = LinkAttempts.AllChannels, WindowStart = now };

        if (mine.LockedUntil > now)
            return TooMany(http, mine.LockedUntil.Value - now, $"绑定码输错次数过多，请于 {mine.LockedUntil:HH:mm} (UTC) 后再试，或重新获取绑定码");
        var globalWindowEnd = all.WindowStart.AddMinutes(limits.GlobalWindowMinutes);
        if (all.Failures >= limits.MaxGlobalFailures && now < globalWindowEnd)
            return TooMany(http, globalWindowEnd - now, "绑定请求过于频繁，请稍后再试");

        var record = await store.Collection<AccountLinkCode>().GetAsync(codes.Hash(request.Code!.Trim()), ct);
        ProblemHttpResult? refusal = record switch
        {
            null => Problems.BadRequest("绑定码不正确", "请核对手机网页上显示的6位绑定码"),
            { RedeemedAt: not null } => Problems.Gone("绑定码已使用", "每个绑定码只能使用一次，请重新获取"),
            { Revoked: true } => Problems.Gone("绑定码已失效", "该账号已获取了更新的绑定码，请使用最新的绑定码"),
            _ when now >= record.ExpiresAt => Problems.Gone("绑定码已过期", "绑定码10分钟内有效，请重新获取"),
            _ => null,
        };
        if (refusal is null)
        {
            record!.RedeemedAt = now;
            record.RedeemedByChannelUser = channelUser;
            // Two chats racing for one code: the version check lets exactly one win.
            if (!await store.Collection<AccountLinkCode>().ReplaceAsync(record, ct))
                refusal = Problems.Gone("绑定码已使用", "每个绑定码只能使用一次，请重新获取");
        }
        var user = refusal is null ? await store.Collection<User>().GetAsync(record!.Username, ct) : null;
        if (refusal is null && user is null)
            refusal = Problems.Gone("账号已不存在", "该绑定码对应的账号已被删除");
        if (refusal is not null)
        {
            await CountFailure(mine, all, limits, now, attempts, audit, ct);
            return refusal;
        }

        if (mine.Failures > 0 || mine.LockedUntil is not null)
        {
            mine.Failures = 0;
            mine.LockedUntil = null;
            await attempts.UpsertAsync(mine, ct);
        }
        await audit.RecordAsync(user!.Id, "account.linked", "User", user.Id,
            reason: "聊天用户输入了有效的绑定码", details: $"渠道用户 {channelUser}", ct: ct);
        return TypedResults.Ok(new LinkedAccountDto(user.Id, user.DisplayName, user.Roles, user.OrganisationId, user.Department));
    }

    private static async Task CountFailure(LinkAttempts mine, LinkAttempts all, AccountLinkOptions limits, DateTime now,
        IDocumentCollection<LinkAttempts> attempts, AuditLog audit, CancellationToken ct)
    {
        if (now >= all.WindowStart.AddMinutes(limits.GlobalWindowMinutes))
        {
            all.WindowStart = now;
            all.Failures = 0;
        }
        all.Failures++;
        await attempts.UpsertAsync(all, ct);

        mine.Failures++;
        if (mine.Failures >= limits.MaxFailures)
        {
            mine.LockedUntil = now.AddMinutes(limits.LockoutMinutes);
            mine.Failures = 0;
            await audit.RecordAsync("bot", "account-link.locked", "ChannelUser", mine.Id[3..],
                reason: $"连续{limits.MaxFailures}次输入错误的绑定码", details: $"锁定至 {mine.LockedUntil:yyyy-MM-dd HH:mm} (UTC)", ct: ct);
        }
        await attempts.UpsertAsync(mine, ct);
    }

    private static ProblemHttpResult TooMany(HttpContext http, TimeSpan wait, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "请稍后再试", detail: detail);
    }
}
