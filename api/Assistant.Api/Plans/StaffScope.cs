using System.Security.Claims;
using Assistant.Api.Auth;
using Assistant.Api.Infrastructure;
using Assistant.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Api.Plans;

/// <summary>
/// Which year and department a staff view covers: purchaser staff see their own department only; finance and admin
/// see every department, or the one they ask for. Shared by plans, the project library and the year-end report.
/// </summary>
public sealed record StaffScope(int Year, string? Department, ValidationProblem? Invalid, ProblemHttpResult? Forbidden)
{
    public static StaffScope Resolve(ClaimsPrincipal user, TimeProvider clock, int? year, string? department)
    {
        var y = year ?? clock.GetUtcNow().UtcDateTime.Year;
        if (y is < 2000 or > 2100)
            return new(y, null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["年份应在2000到2100之间"] }), null);
        var asked = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (user.IsInRole(Roles.Finance) || user.IsInRole(Roles.Admin)) return new(y, asked, null, null);
        if (user.IsInRole(Roles.PurchaserStaff) && user.Department() is { } own)
            return asked is null || asked == own
                ? new(y, own, null, null)
                : new(y, asked, null, Problems.Forbidden("只能查看本部门的数据", $"您所在部门为{own}"));
        return new(y, asked, null, Problems.Forbidden("仅工作人员可查看"));
    }
}
