using Assistant.Api.Organisations;
using Assistant.Contracts.Domain;

namespace Assistant.Api.Demo;

internal static class DemoOrganisations
{
    public const string KangLe = "org-kangle";
    public const string YangGuang = "org-yangguang";
    public const string AnTai = "org-antai";
    public const string LvYuan = "org-lvyuan";
    public const string XinMiao = "org-xinmiao";

    public static IEnumerable<Organisation> All(DateTime now)
    {
        Organisation Org(string id, string name, string first17, string legal, string mobile, string[] categories, string[] regions,
            DateTime established, OrganisationStatus status, string[]? qualifications = null) => new()
        {
            Id = id, Name = name, CreditCode = CreditCode.Complete(first17), Kind = CreditCode.KindOf(first17)!.Value,
            LegalRepresentative = legal, ContactMobile = mobile, ServiceCategories = [.. categories], Regions = [.. regions],
            EstablishedOn = established, Status = status, RegisteredAt = now.AddDays(-200), Qualifications = [.. qualifications ?? []],
            DecidedAt = status == OrganisationStatus.Pending ? null : now.AddDays(-190), DecidedBy = status == OrganisationStatus.Pending ? null : "staff",
            OutcomeNotified = true,
        };
        yield return Org(KangLe, "上虞区康乐居家养老服务中心", "52330604MJ8812345", "陈丽华", "13805751234", ["A0101", "A0102", "B0101"], ["上虞区"],
            new DateTime(2016, 5, 12, 0, 0, 0, DateTimeKind.Utc), OrganisationStatus.Verified, ["养老护理员资质"]);
        yield return Org(YangGuang, "江北区阳光社会工作服务社", "52500105MJP123456", "王建国", "13908321234", ["B0201", "B0101", "A0501"], ["江北区"],
            new DateTime(2014, 3, 1, 0, 0, 0, DateTimeKind.Utc), OrganisationStatus.Verified, ["社会工作者职业资格"]);
        yield return Org(AnTai, "安阳市安泰保安服务有限公司", "91410500MA44RT123", "李强", "13703721234", ["A0301"], ["安阳市"],
            new DateTime(2012, 8, 20, 0, 0, 0, DateTimeKind.Utc), OrganisationStatus.Verified, ["保安服务许可证"]);
        yield return Org(LvYuan, "防城港市绿源环境检测有限公司", "91450600MA5KQ1234", "黄海", "13607701234", ["C0101", "C0201"], ["防城港市"],
            new DateTime(2019, 11, 2, 0, 0, 0, DateTimeKind.Utc), OrganisationStatus.Pending, ["CMA检验检测资质"]);
        yield return Org(XinMiao, "上虞区新苗社区服务中心", "52330604MJ9923456", "赵敏", "13957511234", ["A0101", "B0101"], ["上虞区"],
            now.AddMonths(-14), OrganisationStatus.Verified);
    }
}
