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
    public async Task Staff_extend_their_own_departments_deadline_only_after_confirming_and_are_told_nothing_changed_yet() =>
        await (await AsAsync(Staff("上虞区民政局")))
            .Send($"把SY-2026-001的投标截止时间延长到{InSixtyDays}").Expect("确认把上虞区居家养老上门服务项目（SY-2026-001）", "[按钮] 确认 / 取消")
            .Send("确认").Expect("没有做任何修改")
            .StartTestAsync();

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
    public async Task A_linked_organisation_bids_with_checks_against_the_project_and_nothing_is_submitted_yet() =>
        await (await AsAsync(new UserProfile { Username = "org", Roles = [Roles.Organisation], OrganisationId = "org-1" }))
            .Send("我要投标").Expect("项目编号")
            .Send("SY-2026-005").Expect("不接受投标", "项目编号")
            .Send("SY-2026-001").Expect("报价多少")
            .Send("一百万元").Expect("超过了项目预算68万元")
            .Send("四十五万元").Expect("报价45万元", "确认提交吗")
            .Send("确认").Expect("本次没有提交", "project.html?id=SY-2026-001")
            .StartTestAsync();
}
