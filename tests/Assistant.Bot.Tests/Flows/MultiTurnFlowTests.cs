using Assistant.Bot.Tests.Infrastructure;
using Assistant.Contracts.Domain;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Tests.Flows;

[Collection(BotCollection.Name)]
public sealed class MultiTurnFlowTests(BotHostFixture host)
{
    private static readonly string ValidCode = CreditCode.Complete("51330604MJ5000001");

    [Fact]
    public Task Welcome_on_join_says_what_the_assistant_can_do_with_suggested_actions()
    {
        var flow = Conversation.Start(host);
        var join = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new ChannelAccount("user1", "用户")],
        };
        return flow.Send(join).Expect("查询项目进展", "解答政策问题", "[按钮]").StartTestAsync();
    }

    [Fact]
    public Task Ambiguous_project_names_ask_which_one_and_answer_the_choice() =>
        Conversation.Start(host)
            .Send("居家养老服务项目到哪一步了").Expect("您指的是哪一个？")
            .Send("SY-2025-001 上虞区居家养老服务项目（2025年度）").Expect("当前阶段：服务中", "SY-2025-001")
            .StartTestAsync();

    [Fact]
    public Task The_choice_can_be_answered_with_words_from_the_name_and_a_shared_word_narrows_it() =>
        Conversation.Start(host)
            .Send("居家养老那个项目到哪一步了？").Expect("您指的是哪一个？", "SY-2025-001", "SY-2026-001")
            .Send("2025年度那个").Expect("当前阶段：服务中", "SY-2025-001")
            .Send("居家养老那个项目到哪一步了？").Expect("您指的是哪一个？")
            .Send("上虞区的").Expect("个符合，您指的是哪一个？", "SY-2025-001", "SY-2026-001")
            .Send("第一个").Expect("当前阶段", "上虞区")
            .StartTestAsync();

    [Fact]
    public Task A_new_question_instead_of_the_choice_is_answered_and_not_asked_again() =>
        Conversation.Start(host)
            .Send("居家养老服务项目到哪一步了").Expect("您指的是哪一个？")
            .Send("本月有哪些项目待评价").ExpectAny("待绩效评价", "没有到期待评价")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();

    [Fact]
    public Task Organisation_registration_fills_slots_validates_the_credit_code_and_submits_as_pending()
    {
        Assert.True(CreditCode.Check(ValidCode).IsValid);
        var wrongCheck = ValidCode[..17] + (ValidCode[17] == '0' ? '1' : '0');
        return Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .Send(wrongCheck).Expect("校验", "请输入18位统一社会信用代码")
            .Send(ValidCode).Expect("代码核对无误", "社会组织", "手机号")
            .Send("12345").Expect("11位")
            .Send("13800001111").Expect("法定代表人")
            .Send("陈丽华").Expect("提供哪些服务")
            .Send("居家养老服务、社区服务").Expect("服务区域")
            .Send("上虞区").Expect("成立日期")
            .Send("2016年5月12日").Expect("请确认", ValidCode, "[按钮] 确认 / 取消")
            .Send("确认").Expect("登记申请已提交", "待审核")
            .StartTestAsync();
    }

    [Fact]
    public Task Help_inside_a_flow_explains_the_step_and_repeats_the_prompt() =>
        Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("帮助").Expect("统一社会信用代码（18位", "单位的全称", "取消")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .StartTestAsync();

    [Fact]
    public Task A_question_about_the_field_asked_for_is_answered_from_the_rules_and_the_prompt_repeated() =>
        Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .Send("什么是统一社会信用代码？").Expect("印在营业执照或登记证书上", "政府购买服务助手平台规则")
            .Expect("我们继续刚才的事", "18位统一社会信用代码")
            .StartTestAsync();

    [Fact]
    public Task Cancel_inside_a_flow_ends_it_without_changes() =>
        Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("取消").Expect("已取消", "没有做任何修改")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();

    [Fact]
    public Task Turning_an_action_down_starts_nothing() =>
        Conversation.Start(host)
            .Send("我们不打算注册").Expect("好的，先不登记承接主体", "还有什么可以帮您")
            .Send("我不想投标").Expect("好的，先不投标")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();

    [Fact]
    public Task Turning_down_the_flow_in_progress_cancels_it() =>
        Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("我不想登记了").Expect("已取消", "没有做任何修改")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();

    [Fact]
    public Task Turning_down_another_action_inside_a_flow_keeps_the_flow() =>
        Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("我们暂时不投标").Expect("好的，先不投标", "我们继续刚才的事", "单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .StartTestAsync();

    [Fact]
    public Task A_search_in_the_middle_of_a_flow_lists_the_projects_and_the_flow_resumes() =>
        Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .Send("上虞区有什么养老项目").Expect("找到", "[卡片]")
            .Expect("我们继续刚才的事", "18位统一社会信用代码")
            .StartTestAsync();

    [Fact]
    public Task A_project_is_picked_from_a_list_by_its_place_and_the_list_is_dropped_for_anything_else()
    {
        var listed = new List<string>();
        return Conversation.Start(host)
            .Send("上虞区有什么养老项目").AssertReply(activity =>
            {
                var text = Conversation.Describe(activity);
                Assert.Contains("回复序号或编号可查看进展", text);
                listed.AddRange(System.Text.RegularExpressions.Regex.Matches(text, @"\| ([A-Z]+-\d{4}-\d{3}) ·").Select(m => m.Groups[1].Value));
                Assert.True(listed.Count >= 2, text);
            }, timeout: 15000)
            .Send("第二个").AssertReply(activity => Assert.Contains($"（{listed[1]}）\n当前阶段：", Conversation.Describe(activity)), timeout: 15000)
            .Send("上虞区有什么养老项目").Expect("找到")
            .Send("SY-2026-001我们想投标").Expect("投标需要以承接主体身份进行")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();
    }

    [Fact]
    public Task Asking_what_it_takes_to_become_a_provider_answers_the_question_instead_of_starting_registration() =>
        Conversation.Start(host)
            .Send("我想成为承接主体需要什么条件").Expect("出处：")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();

    [Fact]
    public Task A_question_at_the_name_step_is_answered_not_taken_for_the_name_and_words_at_the_code_step_are_explained() =>
        Conversation.Start(host)
            .Send("我要登记").Expect("单位的全称")
            .Send("政府购买服务和政府采购有什么区别").Expect("出处：").Expect("我们继续刚才的事", "单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .Send("营业执照上没找到").Expect("这一步请输入18位统一社会信用代码（见营业执照或登记证书）")
            .StartTestAsync();

    [Fact]
    public Task A_question_in_the_middle_of_a_flow_is_answered_and_the_flow_resumes() =>
        Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .Send("查一下SY-2025-001项目的状态").Expect("当前阶段：服务中")
            .Expect("我们继续刚才的事", "18位统一社会信用代码")
            .Send(ValidCode).Expect("代码核对无误")
            .StartTestAsync();

    [Fact]
    public Task Three_invalid_answers_end_the_flow_politely() =>
        Conversation.Start(host)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .Send("12345").Expect("应为18位", "请输入18位")
            .Send("913306041234").Expect("应为18位", "请输入18位")
            .Send("ABC").Expect("我们先到这里")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();

    [Fact]
    public Task A_rating_without_the_recipients_link_asks_for_it_and_records_nothing() =>
        Conversation.Start(host)
            .Send("我要评价一下服务").Expect("评价二维码", "链接")
            .Send("取消").Expect("已取消", "没有做任何修改")
            .StartTestAsync();

    [Fact]
    public async Task A_complaint_becomes_a_rating_for_the_linked_contract_after_confirmation_and_only_once()
    {
        var staff = await host.Api.ClientForAsync("staff");
        var created = await staff.PostAsJsonAsync("/api/contracts/HT-SY-2025-001/rating-links", new { visit = "第12次上门" });
        created.EnsureSuccessStatusCode();
        var link = await created.Content.ReadFromJsonAsync<JsonElement>();
        var url = link.GetProperty("url").GetString()!;

        await Conversation.Start(host)
            .Send("今天的助餐服务不太好，饭菜凉了").Expect("评价二维码")
            .Send(url).Expect("上虞区居家养老服务项目（2025年度）", "不满意", "饭菜凉了", "工作日内答复整改", "确认提交吗")
            .Send("确认").Expect("评价已提交", "转给服务机构整改")
            .StartTestAsync();

        var info = await host.Api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/ratings/links/{Uri.EscapeDataString(link.GetProperty("token").GetString()!)}");
        Assert.True(info.GetProperty("alreadyRated").GetBoolean());
        await Conversation.Start(host).Send($"我要评价 {url}").Expect("已经评价过了").StartTestAsync();
    }
}
