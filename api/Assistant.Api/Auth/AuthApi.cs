using Assistant.Api.Audit;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Platform.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", CreateToken).WithTags("Auth").AllowAnonymous()
            .Validated<SignIn>();
        return app;
    }

    public sealed record SignIn(string? Username, string? Password) : IValidatable
    {
        public void Validate(ValidationErrors errors) => errors
            .Require(nameof(Username), Username, "用户名", 64)
            .Require(nameof(Password), Password, "密码", 128);
    }

    /// <summary>Signs in with username and password; repeated failures lock the account for a while.</summary>
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> CreateToken(
        SignIn request, IDocumentStore store, IPasswordHasher<User> hasher, TokenService tokens,
        IOptions<AuthOptions> options, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var users = store.Collection<User>();
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await users.GetAsync(request.Username!.Trim().ToLowerInvariant(), ct);
        if (user is null)
            return Unauthorized();
        if (user.LockedUntil > now)
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "账号已暂时锁定",
                detail: $"登录失败次数过多，请于 {user.LockedUntil:HH:mm} (UTC) 后再试");
        if (hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!) == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= options.Value.MaxFailedSignIns)
            {
                user.LockedUntil = now.AddMinutes(options.Value.LockoutMinutes);
                user.FailedSignIns = 0;
            }
            await users.ReplaceAsync(user, ct);
            if (user.LockedUntil > now)
                await audit.RecordAsync("anonymous", "user.locked", "User", user.Id,
                    reason: $"连续{options.Value.MaxFailedSignIns}次密码错误", details: $"锁定至 {user.LockedUntil:yyyy-MM-dd HH:mm} (UTC)", ct: ct);
            return Unauthorized();
        }
        if (user.FailedSignIns != 0 || user.LockedUntil is not null)
        {
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            await users.ReplaceAsync(user, ct);
        }
        var (token, expires) = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, expires, user.DisplayName, user.Roles));
    }

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "用户名或密码不正确");
}
