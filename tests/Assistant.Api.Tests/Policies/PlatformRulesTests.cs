using System.Net.Http.Json;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Api.Tests.Policies;

/// <summary>The platform's own rules, written from its configuration, answer the questions the five policies cannot.</summary>
public sealed class PlatformRulesTests
{
    private const string Title = "政府购买服务助手平台规则";

    private static async Task<PolicyAnswerDto> AskAsync(HttpClient client, string question) =>
        (await client.GetFromJsonAsync<PolicyAnswerDto>("/api/policies/answer?q=" + Uri.EscapeDataString(question), Json.Options))!;

    [Theory]
    [InlineData("评价是匿名的吗", "看不到是谁作出的评价")]
    [InlineData("差评以后多久要整改", "5个工作日内")]
    [InlineData("第三方评估占多少权重", "第三方30%")]
    [InlineData("绩效评价不合格会怎么样", "不合格的暂不支付")]
    [InlineData("绑定码在哪里生成", "生成6位绑定码")]
    [InlineData("投标需要哪些材料？", "报价（不超过项目预算）和服务方案摘要（不超过2000字）")]
    [InlineData("中标结果在哪里公示", "“结果公开”一栏公布")]
    [InlineData("我们机构刚成立一年，能投标吗", "刚成立的机构可以投不限成立年限的项目")]
    [InlineData("什么是统一社会信用代码", "印在营业执照或登记证书上")]
    [InlineData("信用代码第18位是什么", "第18位是校验码")]
    [InlineData("登记承接主体要填哪些信息", "单位全称、统一社会信用代码、法定代表人姓名")]
    [InlineData("登记以后谁来审核", "由工作人员审核")]
    [InlineData("社会组织怎么登记", "对咨询助手说“我要登记”")]
    public async Task Questions_about_the_platform_s_own_rules_are_answered_from_its_configuration_and_cited(string question, string expected)
    {
        await using var api = new ApiFactory();
        var answer = await AskAsync(api.CreateClient(), question);
        Assert.Equal(Title, answer.Answers[0].DocumentTitle);
        Assert.Contains(expected, answer.Answers[0].Text);
        Assert.True(answer.Confident, "answered, not offered as a maybe");
    }

    [Fact]
    public async Task A_changed_setting_is_what_the_rules_say_after_the_next_start_and_the_rules_are_kept_once()
    {
        await using var root = new ApiFactory();
        await using (var before = root.WithWebHostBuilder(_ => { }))
            Assert.Contains("5个工作日内", (await AskAsync(before.CreateClient(), "差评多久要整改")).Answers[0].Text);

        await using var after = root.WithWebHostBuilder(b => b.UseSetting("Ratings:RectificationWorkingDays", "7"));
        var client = after.CreateClient();
        var answer = await AskAsync(client, "差评多久要整改");
        Assert.Contains("7个工作日内", answer.Answers[0].Text);
        Assert.DoesNotContain("5个工作日内", string.Join("\n", answer.Answers.Select(a => a.Text)));
        Assert.Single((await client.GetFromJsonAsync<List<PolicyDocumentDto>>("/api/policies", Json.Options))!, d => d.Title == Title);
    }
}
