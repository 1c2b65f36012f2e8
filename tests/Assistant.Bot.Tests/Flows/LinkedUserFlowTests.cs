using Assistant.Bot.State;
using Assistant.Bot.Tests.Infrastructure;
using Assistant.Contracts.Domain;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Tests.Flows;

/// <summary>
/// Flows for users who linked their account. The profile is written to the bot's real user state, as a redeemed
/// "绑定" code leaves it (the redeem endpoint belongs to the access feature).
/// </summary>
[Collection(BotCollection.Name)]
public sealed class LinkedUserFlowTests(BotHostFixture host)
{
    private async Task<TestFlow> AsAsync(UserProfile profile)
    {
        var reference = TestAdapter.CreateConversation(Guid.NewGuid().ToString("N"), "linked-" + Guid.NewGuid().ToString("N")[..8]);
        var adapter = new TestAdapter(reference);
        var userState = host.Get<UserState>();
        var turn = new TurnContext(adapter, (Activity)MessageFactory.Text("").ApplyConversationReference(reference, isIncoming: true));
        await userState.CreateProperty<UserProfile>(nameof(UserProfile)).SetAsync(turn, profile);
        await userState.SaveChangesAsync(turn);
        return new TestFlow(adapter, host.CreateBot());
    }

    private static UserProfile Staff(string department) =>
        new() { Username = "staff", DisplayName = "李科长", Roles = [Roles.PurchaserStaff], Department = department };

    private static string InSixtyDays => DateTime.UtcNow.AddHours(8).AddDays(60).ToString("M月d日");

    [Fact]
    public async Task Staff_asking_by_a_name_several_departments_use_are_offered_their_own_department_projects()
    {
        await (await AsAsync(Staff("上虞区民政局")))
            .Send("居家养老那个项目到哪一步了？").AssertReply(activity =>
            {
                var text = Conversation.Describe(activity);
                Assert.Contains("您指的是哪一个？", text);
                Assert.Contains("SY-2025-001", text);
                Assert.DoesNotContain("XN-2026-001", text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Staff_asking_for_this_month_s_evaluations_get_their_department_s_overdue_one_with_a_link() =>
        await (await AsAsync(Staff("上虞区民政局")))
            .Send("本月有哪些项目待评价").Expect("待绩效评价", "上虞区困难群众社会救助服务项目（SY-2025-004）", "已逾期", "project.html?id=SY-2025-004")
            .StartTestAsync();

    [Fact]
    public async Task Linking_with_a_real_code_then_extending_a_deadline_changes_it_in_the_api_after_confirmation()
    {
        var staff = await host.Api.ClientForAsync("staff");
        var issued = await staff.PostAsync("/api/account-links", null);
        issued.EnsureSuccessStatusCode();
        var code = System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
        var target = DateTime.UtcNow.AddHours(8).AddDays(75);

        await Conversation.Start(host)
            .Send($"绑定 {code}").Expect("绑定成功", "李科长")
            .Send($"把SY-2026-002的投标截止时间延长到{target:M月d日}").Expect("延期原因")
            .Send("确认").Expect("需要写明延期原因", "请简要说明延期原因")
            .Send("部分社会组织反映材料准备时间不足").Expect("确认把上虞区老年助餐服务项目（SY-2026-002）", "[按钮] 确认 / 取消")
            .Send("确认").Expect("已延长", $"{target:yyyy年M月d日}")
            .Send("哪些项目超过截止日期还没定标").Expect("您管理的项目中")
            .StartTestAsync();

        var status = await staff.GetStringAsync("/api/projects/SY-2026-002/status");
        Assert.Contains(target.ToString("yyyy-MM-dd"), status);
    }

    [Fact]
    public async Task Declining_the_confirmation_leaves_the_deadline_unchanged()
    {
        var before = await host.Api.CreateClient().GetStringAsync("/api/projects/SY-2026-004");
        await (await AsAsync(Staff("上虞区民政局")))
            .Send($"把SY-2026-004的投标截止时间延长到{InSixtyDays}").Expect("延期原因")
            .Send("需要补充公告").Expect("确认把")
            .Send("不").Expect("截止时间保持不变")
            .StartTestAsync();
        Assert.Equal(before, await host.Api.CreateClient().GetStringAsync("/api/projects/SY-2026-004"));
    }

    [Fact]
    public async Task Staff_cannot_extend_another_departments_project() =>
        await (await AsAsync(Staff("上虞区民政局")))
            .Send($"把SY-2026-005的投标截止时间延长到{InSixtyDays}").Expect("属于上虞区教体局", "只能调整本部门")
            .StartTestAsync();

    [Fact]
    public async Task Extending_to_an_earlier_date_is_refused() =>
        await (await AsAsync(Staff("上虞区民政局")))
            .Send("把SY-2026-001的投标截止时间延长到今天").Expect("只能延长")
            .StartTestAsync();

    [Fact]
    public async Task A_linked_organisation_bids_with_checks_against_the_project_and_gets_a_receipt() =>
        await (await AsAsync(new UserProfile { Username = "org", Roles = [Roles.Organisation], OrganisationId = "org-kangle" }))
            .Send("我要投标").Expect("项目编号")
            .Send("SY-2026-005").Expect("逾期投标不予受理", "项目编号")
            .Send("SY-2026-001").Expect("报价多少")
            .Send("一百万元").Expect("超过了项目预算68万元")
            .Send("四十五万元").Expect("服务方案")
            .Send("组建10人服务团队，每周上门两次").Expect("报价45万元", "未被列入黑名单", "确认提交吗")
            .Send("确认").Expect("投标已受理", "回执编号：TB-SY-2026-001-")
            .StartTestAsync();
}

[Collection(BotCollection.Name)]
public sealed class StaleLinkTests(BotHostFixture host)
{
    [Fact]
    public async Task A_link_to_an_account_the_api_does_not_know_is_dropped_with_an_explanation()
    {
        var reference = TestAdapter.CreateConversation(Guid.NewGuid().ToString("N"), "stale-" + Guid.NewGuid().ToString("N")[..8]);
        var adapter = new TestAdapter(reference);
        var userState = host.Get<UserState>();
        var turn = new TurnContext(adapter, (Activity)MessageFactory.Text("").ApplyConversationReference(reference, isIncoming: true));
        await userState.CreateProperty<UserProfile>(nameof(UserProfile)).SetAsync(turn, new UserProfile { Username = "deleted-user", Roles = [Roles.PurchaserStaff] });
        await userState.SaveChangesAsync(turn);

        await new TestFlow(adapter, host.CreateBot())
            .Send("查一下SY-2025-001项目的状态").Expect("绑定的账号已失效")
            .Send("查一下SY-2025-001项目的状态").Expect("当前阶段：服务中")
            .StartTestAsync();
    }
}
