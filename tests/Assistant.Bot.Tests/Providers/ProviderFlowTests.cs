extern alias api;
using System.Net.Http.Json;
using Assistant.Bot.State;
using Assistant.Bot.Tests.Infrastructure;
using Assistant.Contracts.Domain;
using Assistant.Platform.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using ApiProject = api::Assistant.Api.Projects.Project;
using ApiUser = api::Assistant.Api.Auth.User;
using Lifecycle = api::Assistant.Api.Projects.ProjectLifecycle;

namespace Assistant.Bot.Tests.Providers;

/// <summary>Providers in chat: registration submitted and its outcome told, eligibility with reasons, bids with receipts, late bids, clarifications.</summary>
[Collection(BotCollection.Name)]
public sealed class ProviderFlowTests(BotHostFixture host)
{
    private static int _next = Random.Shared.Next(10_000, 90_000);

    private IDocumentStore ApiStore => host.Api.Services.GetRequiredService<IDocumentStore>();

    private async Task<TestFlow> AsAsync(string username, string organisationId, string? user = null)
    {
        var reference = TestAdapter.CreateConversation(Guid.NewGuid().ToString("N"), user ?? "org-user-" + Guid.NewGuid().ToString("N")[..8]);
        var adapter = new TestAdapter(reference);
        var userState = host.Get<UserState>();
        var turn = new TurnContext(adapter, (Activity)MessageFactory.Text("").ApplyConversationReference(reference, isIncoming: true));
        await userState.CreateProperty<UserProfile>(nameof(UserProfile)).SetAsync(turn,
            new UserProfile { Username = username, Roles = [Roles.Organisation], OrganisationId = organisationId });
        await userState.SaveChangesAsync(turn);
        return new TestFlow(adapter, host.CreateBot());
    }

    /// <summary>An account for a demo organisation that has none, so the bot can act for it.</summary>
    private async Task<string> AccountForAsync(string organisationId)
    {
        var username = "u" + Guid.NewGuid().ToString("N")[..10];
        await ApiStore.Collection<ApiUser>().InsertAsync(new ApiUser
        {
            Id = username, DisplayName = organisationId, PasswordHash = "-", Roles = [Roles.Organisation], OrganisationId = organisationId,
        });
        return username;
    }

    private async Task<string> BiddingProjectAsync(TimeSpan deadlineIn)
    {
        var now = DateTime.UtcNow;
        var project = new ApiProject
        {
            // A code the language library recognises (letters-year-number), unique per test.
            Id = $"TST-2099-{Interlocked.Increment(ref _next):D5}", Name = "测试助餐服务项目", Department = "上虞区民政局", Region = "上虞区",
            CatalogueCode = "A0101", Category = "居家养老服务", Year = now.Year, Budget = 500_000m, Method = PurchaseMethod.OpenTender,
            BidDeadline = now + deadlineIn, ClarificationDeadline = now + deadlineIn, CreatedAt = now, PublishedAt = now,
        };
        Lifecycle.TryMove(project, ProjectStatus.Published, "test", now, null, out _);
        Lifecycle.TryMove(project, ProjectStatus.Bidding, "test", now, null, out _);
        await ApiStore.Collection<ApiProject>().InsertAsync(project);
        return project.Id;
    }

    [Fact]
    public async Task Registration_in_chat_is_submitted_and_the_outcome_is_told_on_the_next_turn()
    {
        var code = CreditCode.Complete("52330604MJ" + Random.Shared.Next(1_000_000, 9_999_999));
        var wrongCheck = code[..17] + (code[17] == '0' ? '1' : '0');
        var chatUser = "registrant-" + Guid.NewGuid().ToString("N")[..8];
        await Conversation.Start(host, chatUser)
            .Send("我们想登记成为承接主体").Expect("单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .Send(wrongCheck).Expect("第18位校验码不对，请核对营业执照或登记证书")
            .Send(code.ToLowerInvariant()).Expect("代码核对无误（社会组织）", "手机号")
            .Send("138 0575 1234").Expect("法定代表人")
            .Send("王芳").Expect("提供哪些服务")
            .Send("外星旅游").Expect("指导目录中没有")
            .Send("居家养老服务").Expect("服务区域")
            .Send("上虞区").Expect("成立日期")
            .Send("2015年3月1日").Expect("请确认", code)
            .Send("确认").Expect("登记申请已提交", "待审核")
            .Send("你好").Expect("您好")
            .StartTestAsync();

        var organisation = Assert.Single(await ApiStore.Collection<api::Assistant.Api.Organisations.Organisation>().FindAsync(o => o.CreditCode == code));
        Assert.Equal(OrganisationStatus.Pending, organisation.Status);
        var staff = await host.Api.ClientForAsync("staff");
        (await staff.PostAsJsonAsync($"/api/organisations/{organisation.Id}/reject", new { reason = "登记证书扫描件不清晰" })).EnsureSuccessStatusCode();

        await Conversation.Start(host, chatUser)
            .Send("你好").Expect("未通过审核", "登记证书扫描件不清晰")
            .Expect("您好")
            .Send("你好").Expect("您好")
            .StartTestAsync();
    }

    [Fact]
    public Task A_company_name_with_a_social_organisation_code_is_explained() =>
        Conversation.Start(host)
            .Send("我要登记").Expect("单位的全称")
            .Send("上虞区安康物业服务有限公司").Expect("18位统一社会信用代码")
            .Send(CreditCode.Complete("52330604MJ7700001")).Expect("企业的代码应以9（市场监管部门登记）开头，此代码属于社会组织")
            .StartTestAsync();

    [Fact]
    public async Task Eligible_projects_say_why_they_fit_and_near_misses_say_why_not_when_asked()
    {
        var username = await AccountForAsync("org-xinmiao");
        await (await AsAsync(username, "org-xinmiao"))
            .Send("有没有适合我们的项目").Expect("适合贵单位", "SY-2026-004", "适合原因")
            .Expect("暂不符合条件", "[按钮] 查看原因 / 不用了")
            .Send("查看原因").Expect("SY-2026-001", "成立未满两年")
            .StartTestAsync();
    }

    [Fact]
    public async Task Moving_on_from_the_offer_to_explain_near_misses_gets_the_new_request_handled()
    {
        var username = await AccountForAsync("org-xinmiao");
        await (await AsAsync(username, "org-xinmiao"))
            .Send("有没有适合我们的项目").Expect("适合贵单位")
            .Expect("想知道原因吗")
            .Send("我要投标").Expect("请问要投哪个项目")
            .Send("取消").Expect("已取消")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("还没有")]
    [InlineData("没登记过")]
    [InlineData("还没有，我要登记")]
    public Task An_unregistered_provider_asking_for_projects_is_asked_whether_it_is_registered_and_walked_into_registration(string answer) =>
        Conversation.Start(host)
            .Send("我们是做居家养老的，上虞区有什么项目可以报名？").Expect("找到", "SY-2026-001")
            .Expect("贵单位已经在平台登记了吗", "[按钮] 还没有，我要登记 / 已经登记了")
            .Send(answer).Expect("一步一步来登记承接主体", "单位的全称")
            .Send("上虞区夕阳红养老服务中心").Expect("18位统一社会信用代码")
            .StartTestAsync();

    [Fact]
    public Task A_registered_provider_is_told_how_to_link_its_account_and_a_new_request_drops_the_question() =>
        Conversation.Start(host)
            .Send("上虞区有什么项目可以报名？").Expect("找到").Expect("贵单位已经在平台登记了吗")
            .Send("已经登记了").Expect("生成绑定码", "绑定 123456")
            .Send("上虞区有什么项目可以报名？").Expect("找到").Expect("贵单位已经在平台登记了吗")
            .Send("SY-2026-001什么时候截止").Expect("投标截止")
            .Send("取消").Expect("当前没有进行中的事项")
            .StartTestAsync();

    [Fact]
    public async Task A_budget_filter_in_the_message_narrows_the_eligible_projects()
    {
        await (await AsAsync("org", "org-kangle"))
            .Send("有没有适合我们的项目，预算五十万以上").AssertReply(activity =>
            {
                var text = Conversation.Describe(activity);
                Assert.Contains("SY-2026-001", text);
                Assert.DoesNotContain("SY-2026-002", text);
            }, timeout: 15000)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_question_asked_instead_of_the_plan_is_not_taken_for_the_plan()
    {
        var open = await BiddingProjectAsync(TimeSpan.FromDays(10));
        await (await AsAsync("org", "org-kangle"))
            .Send($"我要投标{open}，报价四十五万元").Expect("服务方案")
            .Send("服务方案需要写哪些内容？").Expect("这一步请简要说明服务方案", "请简要说明服务方案（如团队人数")
            .Send("组建10人服务团队，每周上门两次").Expect("服务方案：组建10人服务团队，每周上门两次", "确认提交吗")
            .StartTestAsync();
    }

    [Fact]
    public async Task Changing_only_the_price_keeps_the_submitted_plan_when_asked_and_the_api_stores_the_revision()
    {
        var open = await BiddingProjectAsync(TimeSpan.FromDays(10));
        await (await AsAsync("org", "org-kangle"))
            .Send($"我要投标{open}，报价四十五万元").Expect("服务方案")
            .Send("组建10人服务团队，每周上门两次").Expect("确认提交吗")
            .Send("确认").Expect("投标已受理")
            .Send($"{open}我们的报价改成四十三万").Expect("服务方案沿用上次提交的吗", "组建10人服务团队，每周上门两次", "[按钮] 沿用上次的方案")
            .Send("沿用上次的方案").Expect("修改已提交的投标，原报价45万元", "报价43万元", "服务方案：组建10人服务团队，每周上门两次")
            .Send("确认").Expect("投标已更新")
            .StartTestAsync();

        var bid = Assert.Single(await ApiStore.Collection<api::Assistant.Api.Bids.Bid>().FindAsync(b => b.ProjectId == open));
        Assert.Equal((430_000m, "组建10人服务团队，每周上门两次"), (bid.Price, bid.PlanSummary));
    }

    [Fact]
    public async Task A_bid_is_confirmed_and_submitted_with_a_receipt_and_a_late_one_is_politely_refused_by_the_server()
    {
        var open = await BiddingProjectAsync(TimeSpan.FromDays(10));
        var closing = await BiddingProjectAsync(TimeSpan.FromSeconds(4));
        var flow = await AsAsync("org", "org-kangle");
        await flow
            .Send($"我要投标{open}，报价四十五万元").Expect("服务方案")
            .Send("组建10人服务团队，每周上门两次").Expect("报价45万元", "确认提交吗")
            .Send("确认").Expect("投标已受理", $"回执编号：TB-{open}-")
            .Send($"我要投标{closing}，报价四十万元").Expect("服务方案")
            .Delay(4500)
            .Send("组建8人服务团队").Expect("确认提交吗")
            .Send("确认").Expect("很抱歉", "逾期投标不予受理", "没有提交")
            .StartTestAsync();

        var bids = await ApiStore.Collection<api::Assistant.Api.Bids.Bid>().FindAsync(b => b.OrganisationId == "org-kangle");
        Assert.Contains(bids, b => b.ProjectId == open && b.Price == 450_000m);
        Assert.DoesNotContain(bids, b => b.ProjectId == closing);
    }

    [Fact]
    public async Task A_clarification_question_is_submitted_and_published_without_the_asker()
    {
        var project = await BiddingProjectAsync(TimeSpan.FromDays(10));
        await (await AsAsync("org", "org-kangle"))
            .Send("我想问一下采购人，服务地点在哪里").Expect("哪个项目")
            .Send(project).Expect("请输入您的问题")
            .Send("服务对象名单何时提供？").Expect("请确认", "答复将公开")
            .Send("确认").Expect("问题已提交", "不会显示提问单位")
            .StartTestAsync();

        var question = Assert.Single(await ApiStore.Collection<api::Assistant.Api.Clarifications.ClarificationQuestion>().FindAsync(q => q.ProjectId == project));
        Assert.Equal("服务对象名单何时提供？", question.Question);
        Assert.Equal("org-kangle", question.AskedByOrganisationId);
    }

    [Fact]
    public async Task A_preamble_is_not_taken_for_the_question_and_a_question_typed_at_the_confirmation_replaces_it()
    {
        var project = await BiddingProjectAsync(TimeSpan.FromDays(10));
        await (await AsAsync("org", "org-kangle"))
            .Send($"我想问一下{project}这个项目的问题").Expect("请输入您的问题")
            .Send("我想问一下").Expect("请直接输入您的问题")
            .Send("护理员需要持证上岗吗？").Expect("请确认", "护理员需要持证上岗吗？")
            .Send("另外，服务时间是每周几次？").Expect("请确认", "服务时间是每周几次？")
            .Send("确认").Expect("问题已提交")
            .StartTestAsync();

        var question = Assert.Single(await ApiStore.Collection<api::Assistant.Api.Clarifications.ClarificationQuestion>().FindAsync(q => q.ProjectId == project));
        Assert.Equal("另外，服务时间是每周几次？", question.Question);
    }

    [Theory]
    [InlineData("我想问一下这个项目的问题", null)]
    [InlineData("请问：", null)]
    [InlineData("有个问题，护理员需要持证上岗吗？", "护理员需要持证上岗吗？")]
    [InlineData("我们需要提供资质证明吗", "我们需要提供资质证明吗")]
    [InlineData("项目的预算是多少", "项目的预算是多少")]
    [InlineData("这个项目我们想问一下服务时间能不能调整", "服务时间能不能调整")]
    [InlineData("关于这个项目，请问服务时间能不能调整", "服务时间能不能调整")]
    [InlineData("这个项目的预算是多少", "这个项目的预算是多少")]
    public void The_question_is_what_is_left_after_the_preamble(string text, string? question) =>
        Assert.Equal(question, Assistant.Bot.Flows.ClarificationAskFlow.QuestionIn(text));
}
