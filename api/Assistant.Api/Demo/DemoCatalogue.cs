using Assistant.Api.Catalogue;

namespace Assistant.Api.Demo;

/// <summary>Catalogue items drawn from the five policy documents (Xianning and Jiangbei list these categories).</summary>
internal static class DemoCatalogue
{
    private static readonly string[] CareDimensions = ["服务态度", "及时性", "专业水平"];
    private static readonly string[] GeneralDimensions = ["服务态度", "服务质量", "及时性"];

    public static IEnumerable<CatalogueItem> Items(int year)
    {
        CatalogueItem Item(string code, string category, string sub, string name, string description, string[] keywords, string[]? dimensions = null) => new()
        {
            Id = $"{code}@{year}", Code = code, Category = category, Subcategory = sub, Name = name, Description = description,
            Keywords = [.. keywords], RatingDimensions = [.. dimensions ?? GeneralDimensions], Year = year,
            EffectiveFrom = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        const string basic = "基本公共服务";
        const string social = "社会管理性服务";
        const string technical = "技术性服务";
        const string auxiliary = "政府履职辅助性事项";
        const string industry = "行业管理与协调";
        yield return Item("A0101", basic, "养老服务", "居家养老服务", "为居家老年人提供助餐、助洁、助浴、助医等上门服务", ["养老", "居家养老", "助餐", "助洁", "老年人"], CareDimensions);
        yield return Item("A0102", basic, "养老服务", "机构养老与日间照料", "养老机构、日间照料中心运营服务", ["养老", "日间照料", "养老院"], CareDimensions);
        yield return Item("A0201", basic, "公共卫生", "公共卫生服务", "健康教育、慢病随访、疫苗接种宣传等公共卫生服务", ["公共卫生", "健康", "卫生", "医疗"], CareDimensions);
        yield return Item("A0301", basic, "教育", "校园安保服务", "中小学、幼儿园校园安全保卫服务", ["校园安保", "安保", "学校", "保安"]);
        yield return Item("A0401", basic, "公共文化", "公共文化服务", "文化演出、全民阅读、群众文体活动组织", ["公共文化", "文化", "演出", "阅读", "体育"]);
        yield return Item("A0501", basic, "残疾人服务", "残疾人康复服务", "残疾人康复训练、托养和辅具适配服务", ["残疾人", "康复", "托养"], CareDimensions);
        yield return Item("A0601", basic, "就业服务", "就业培训服务", "职业技能培训与就业指导", ["就业", "培训", "职业技能"]);
        yield return Item("B0101", social, "社区服务", "社区服务与治理", "社区公益服务、邻里互助、社区矫正辅助", ["社区服务", "社区", "邻里", "社工"]);
        yield return Item("B0201", social, "社会工作", "专业社会工作服务", "困境儿童、留守老人等群体的社会工作服务", ["社会工作", "社工", "困境儿童", "留守"], CareDimensions);
        yield return Item("B0301", social, "人民调解", "矛盾纠纷调解服务", "人民调解、法律援助咨询", ["调解", "法律援助", "纠纷"]);
        yield return Item("C0101", technical, "环境监测", "环境监测服务", "空气、水质、噪声等环境监测", ["环境监测", "监测", "水质", "空气质量"]);
        yield return Item("C0201", technical, "检验检测", "检验检测服务", "食品药品、产品质量检验检测", ["检验检测", "检测", "检验", "食品安全"]);
        yield return Item("C0301", technical, "数字城管", "数字城管信息采集", "城市管理问题巡查、信息采集与核查", ["数字城管", "城管", "信息采集", "巡查"]);
        yield return Item("C0401", technical, "市政维护", "路灯及市政设施维护", "路灯、公共设施日常维护（不含新建工程）", ["路灯", "市政", "维护", "设施维护"]);
        yield return Item("D0101", auxiliary, "辅助性服务", "法律顾问与政策研究", "法律顾问、课题研究、规划编制", ["法律顾问", "课题研究", "政策研究", "规划"]);
        yield return Item("D0201", auxiliary, "辅助性服务", "绩效评价与第三方评估", "财政支出绩效评价、第三方评估", ["绩效评价", "第三方评估", "评估", "等级评定"]);
        yield return Item("E0101", industry, "行业管理", "行业规范与资质评定服务", "行业调查、统计分析、标准制定与评定", ["行业", "统计分析", "标准制定"]);
    }
}
