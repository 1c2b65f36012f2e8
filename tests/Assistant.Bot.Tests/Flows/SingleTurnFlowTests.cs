using Assistant.Bot.Tests.Infrastructure;

namespace Assistant.Bot.Tests.Flows;

/// <summary>Utterance → reply tables against the real API (demo data): one fresh conversation per row.</summary>
[Collection(BotCollection.Name)]
public sealed class SingleTurnFlowTests(BotHostFixture host)
{
    [Theory]
    [InlineData("你好", "我是政府购买服务助手", "[按钮]")]
    [InlineData("帮助", "任何时候输入“取消”")]
    [InlineData("取消", "当前没有进行中的事项")]
    [InlineData("再见", "再见，祝您一切顺利")]
    [InlineData("人工客服", "这里没有人工客服", "购买主体")]
    [InlineData("SY-2026-001的预算多少", "上虞区居家养老上门服务项目（SY-2026-001）", "预算68万元")]
    [InlineData("查一下SY-2025-001项目的状态", "当前阶段：服务中", "下一步：", "关键日期：", "project.html?id=SY-2025-001")]
    [InlineData("查一下SY-2025-001項目的狀態", "上虞区居家养老服务项目（2025年度）", "当前阶段：服务中")]
    [InlineData("路灯维护项目现在进展到哪一步了", "上虞区乡镇路灯维护项目（SY-2025-003）", "当前阶段：评标中")]
    [InlineData("路燈維護項目現在進展到哪一步了", "上虞区乡镇路灯维护项目（SY-2025-003）")]
    [InlineData("居家养老服务项目签合同了吗", "您指的是哪一个？", "SY-2025-001")]
    [InlineData("JB-2026-003项目签合同了吗", "已经签了合同")]
    [InlineData("SY-2025-002到哪一步了", "当前阶段：已评价", "中标单位：上虞区康乐居家养老服务中心；合同金额", "绩效评价：")]
    [InlineData("SY-2026-001签合同了吗", "还没有签合同", "投标中")]
    [InlineData("哪些项目超过截止日期还没定标", "已过投标截止日期但还没有定标", "SY-2026-005", "SY-2025-003")]
    [InlineData("上虞区有什么项目可以报名？", "正在接受报名", "SY-2026-001")]
    [InlineData("查一下XX-2020-999项目的状态", "没有找到")]
    [InlineData("我要投标", "请先在网页登录单位账号")]
    [InlineData("把SY-2026-001的投标截止时间延长到3月10日", "需要购买主体工作人员账号")]
    [InlineData("今天的助餐服务不太好，饭菜凉了", "评价二维码", "链接")]
    [InlineData("康乐养老的评分怎么样", "上虞区康乐居家养老服务中心 · 服务对象评价", "有效评价", "满意率", "绩效评价：", "（合同期）综合得分", "来源：信息公开")]
    [InlineData("康樂養老的評價如何？", "上虞区康乐居家养老服务中心 · 服务对象评价")]
    [InlineData("星辰科技的满意度怎么样", "没有找到名称中含“星辰科技”的已登记承接主体")]
    [InlineData("评分怎么样", "您想查哪家承接主体的服务评价？")]
    public Task Replies_to_one_utterance(string utterance, params string[] expected) =>
        Conversation.Start(host).Send(utterance).Expect(expected).StartTestAsync();

    [Fact]
    public Task After_one_provider_another_can_be_asked_about_in_a_few_words_and_anything_else_is_a_new_request() =>
        Conversation.Start(host).Send("康乐养老的评分怎么样").Expect("上虞区康乐居家养老服务中心 · 服务对象评价")
            .Send("那阳光社工呢").Expect("江北区阳光社会工作服务社 · 服务对象评价")
            .Send("上虞区有什么项目可以报名？").Expect("正在接受报名", "SY-2026-001").StartTestAsync();

    [Theory]
    [InlineData("contract", "合同期")]
    [InlineData("2025", "2025年度")]
    [InlineData("2025-H2", "2025年下半年")]
    [InlineData("2025-Q3", "2025年第3季度")]
    [InlineData("2025-07", "2025年7月")]
    [InlineData("其他", "其他")]
    public void Evaluation_periods_are_named_as_people_say_them(string period, string label) =>
        Assert.Equal(label, Assistant.Bot.Flows.ProviderRatingsFlow.PeriodLabel(period));

    [Fact]
    public Task A_name_several_providers_share_is_narrowed_down_before_the_statistics() =>
        Conversation.Start(host).Send("服务中心的口碑怎么样").Expect("名称含“服务中心”的承接主体有 2 家", "上虞区新苗社区服务中心", "您想查看哪一家？")
            .Send("新苗那个").Expect("上虞区新苗社区服务中心 · 服务对象评价", "来源：信息公开").StartTestAsync();

    [Fact]
    public async Task Budget_and_service_words_filter_the_project_list()
    {
        // Expected count from the API itself, so the test follows the demo data rather than restating it.
        var all = await host.Api.CreateClient().GetStringAsync("/api/projects?q=养老&take=100");
        var expected = System.Text.Json.JsonDocument.Parse(all).RootElement.GetProperty("items").EnumerateArray()
            .Count(p => p.GetProperty("budget").GetDecimal() >= 500_000m);
        Assert.True(expected >= 2);
        await Conversation.Start(host).Send("预算超过50万的养老项目").Expect($"找到{expected}个", "预算不低于50万元", "[卡片]").StartTestAsync();
    }

    [Theory]
    [InlineData("有哪些项目下个月截止", 1, "下个月截止")]
    [InlineData("本月截止的项目有哪些", 0, "本月截止")]
    public async Task Asking_which_projects_close_in_a_month_lists_the_open_ones_whose_deadline_falls_in_it(string question, int month, string label)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(month);
        var all = await host.Api.CreateClient().GetStringAsync("/api/projects?take=100");
        // Expected from the API itself (the demo dates move with the clock); this month counts from today.
        var expected = System.Text.Json.JsonDocument.Parse(all).RootElement.GetProperty("items").EnumerateArray()
            .Where(p => p.GetProperty("status").GetString() is "Published" or "Bidding")
            .Select(p => p.TryGetProperty("bidDeadline", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.String ? DateOnly.FromDateTime(d.GetDateTime().ToUniversalTime().AddHours(8)) : (DateOnly?)null)
            .Count(d => d >= (month == 0 ? today : first) && d < first.AddMonths(1));
        await Conversation.Start(host).Send(question)
            .Expect(expected == 0 ? "没有找到符合条件" : $"找到{expected}个", label, "正在接受报名").StartTestAsync();
    }

    [Fact]
    public Task Pending_evaluations_this_month_answer_with_a_list_or_say_there_are_none() =>
        Conversation.Start(host).Send("本月有哪些项目待评价").ExpectAny("待绩效评价", "本月没有到期待评价的项目").StartTestAsync();

    [Theory]
    [InlineData("谁可以承接政府购买服务？", "民政部门登记成立", "出处：《关于推进政府购买服务的实施意见》（江北府办〔2015〕109号）")]
    [InlineData("投标需要哪些材料？", "服务方案摘要", "出处：《政府购买服务助手平台规则》")]
    [InlineData("評價是匿名的嗎", "看不到是谁作出的评价", "出处：《政府购买服务助手平台规则》")]
    [InlineData("差评以后多久要整改", "5个工作日内", "出处：《政府购买服务助手平台规则》")]
    public Task Policy_and_platform_rule_questions_are_answered_with_their_source(string question, params string[] expected) =>
        Conversation.Start(host).Send(question).Expect(expected).StartTestAsync();

    [Fact]
    public Task Account_link_codes_are_redeemed_with_the_api_and_never_accepted_blindly() =>
        Conversation.Start(host).Send("绑定 123456").ExpectAny("绑定码无效或已过期", "账号绑定功能暂未开通").StartTestAsync();

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("推荐一部好看的电影")]
    public Task Questions_outside_the_assistant_s_remit_are_declined_without_quoting_a_policy(string text) =>
        Conversation.Start(host).Send(text).Expect("超出了我能帮忙的范围", "[按钮]").StartTestAsync();

    [Fact]
    public Task Not_understood_asks_to_rephrase_then_gives_up_with_suggestions() =>
        Conversation.Start(host)
            .Send("qwerty asdf").Expect("换个说法")
            .Send("zxcv uiop").Expect("还是没能理解", "[按钮]")
            .StartTestAsync();
}
