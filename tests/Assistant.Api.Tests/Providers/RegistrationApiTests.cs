using System.Net;
using System.Net.Http.Json;
using Assistant.Api.Audit;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Assistant.Contracts.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Tests.Providers;

public sealed class RegistrationApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    [Fact]
    public async Task A_valid_registration_is_pending_and_normalised()
    {
        var code = ProviderKit.NewCreditCode();
        var result = await ProviderKit.RegisterAsync(factory, ProviderKit.Registration(creditCode: " " + code.ToLowerInvariant() + " "));

        Assert.Equal(OrganisationStatus.Pending, result.Organisation.Status);
        Assert.Equal(code, result.Organisation.CreditCode);
        Assert.Equal("13805751234", result.Organisation.ContactMobile);
        Assert.Equal(ProviderKind.SocialOrganisation, result.Organisation.Kind);
        Assert.False(string.IsNullOrEmpty(result.RegistrationKey));
        var events = await factory.Store.Collection<AuditEvent>().FindAsync(e => e.EntityId == result.Organisation.Id);
        Assert.Contains(events, e => e.Action == "organisation.registered");
    }

    public static TheoryData<string, RegisterOrganisationRequest, string> BadFields()
    {
        var good = ProviderKit.Registration();
        var wrongCheck = good.CreditCode![..17] + (good.CreditCode[17] == '0' ? '1' : '0');
        return new()
        {
            { "CreditCode", good with { CreditCode = wrongCheck }, "第18位校验码不对，请核对营业执照或登记证书" },
            { "CreditCode", good with { CreditCode = "52330604MJ88" }, "统一社会信用代码应为18位，您输入了12位" },
            { "CreditCode", good with { Kind = ProviderKind.Enterprise }, "企业的代码应以9（市场监管部门登记）开头，此代码属于社会组织" },
            { "CreditCode", good with { CreditCode = ProviderKit.NewCreditCode(ProviderKind.Enterprise) }, "社会组织的代码应以5开头（民政部门登记），此代码属于企业" },
            { "ContactMobile", good with { ContactMobile = "12805751234" }, "手机号码应以13至19开头" },
            { "ContactMobile", good with { ContactMobile = "1380575123" }, "手机号码应为11位，您输入了10位" },
            { "ServiceCategories", good with { ServiceCategories = ["Z9999"] }, "“Z9999”不是指导目录中的服务类别" },
            { "Regions", good with { Regions = [] }, "请至少填写一个服务区域（如：上虞区）" },
            { "EstablishedOn", good with { EstablishedOn = DateTime.UtcNow.AddDays(3) }, "成立日期不能晚于今天" },
            { "LegalRepresentative", good with { LegalRepresentative = " " }, "请填写法定代表人" },
            { "Kind", good with { Kind = null }, "请选择机构类型：社会组织、企业或事业单位" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Each_bad_field_gets_a_chinese_field_error(string field, RegisterOrganisationRequest request, string message)
    {
        var response = await _anonymous.PostAsJsonAsync("/api/organisations", request, Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(message, problem!.Errors[field]);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("spaces")]
    [InlineData("fullwidth")]
    public async Task The_same_credit_code_cannot_register_twice_whatever_its_spelling(string variant)
    {
        var code = ProviderKit.NewCreditCode();
        await ProviderKit.RegisterAsync(factory, ProviderKit.Registration(creditCode: code));
        var again = variant switch
        {
            "lower" => code.ToLowerInvariant(),
            "spaces" => $"  {code[..6]} {code[6..]}  ",
            _ => new string(code.Select(c => (char)(c + 0xFEE0)).ToArray()),
        };

        var response = await _anonymous.PostAsJsonAsync("/api/organisations", ProviderKit.Registration(creditCode: again), Json.Options);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("该统一社会信用代码已注册", problem!.Title);
    }

    [Fact]
    public async Task Verification_creates_a_usable_account_and_the_outcome_is_told_exactly_once()
    {
        var registered = await ProviderKit.RegisterAsync(factory, ProviderKit.Registration());
        var own = await ProviderKit.SignInAsync(factory, registered.Username!, ProviderKit.Password);
        var staff = await factory.ClientForAsync("staff");

        Assert.Equal(HttpStatusCode.NoContent, (await own.PostAsJsonAsync($"/api/organisations/{registered.Organisation.Id}/outcome-notice", new OutcomeNoticeRequest(null))).StatusCode);
        var verified = await (await staff.PostAsync($"/api/organisations/{registered.Organisation.Id}/verify", null)).Content.ReadFromJsonAsync<OrganisationDto>(Json.Options);
        Assert.Equal(OrganisationStatus.Verified, verified!.Status);

        var first = await own.PostAsJsonAsync($"/api/organisations/{registered.Organisation.Id}/outcome-notice", new OutcomeNoticeRequest(null));
        var notice = await first.Content.ReadFromJsonAsync<OutcomeNoticeDto>(Json.Options);
        Assert.Equal(OrganisationStatus.Verified, notice!.Status);
        Assert.Contains("已通过审核", notice.Message);
        Assert.Equal(HttpStatusCode.NoContent, (await own.PostAsJsonAsync($"/api/organisations/{registered.Organisation.Id}/outcome-notice", new OutcomeNoticeRequest(null))).StatusCode);
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_the_registrant_learns_it_with_the_registration_key()
    {
        var registered = await ProviderKit.RegisterAsync(factory, ProviderKit.Registration(account: false));
        var staff = await factory.ClientForAsync("staff");
        var url = $"/api/organisations/{registered.Organisation.Id}";

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsJsonAsync($"{url}/reject", new RejectOrganisationRequest(""))).StatusCode);
        (await staff.PostAsJsonAsync($"{url}/reject", new RejectOrganisationRequest("登记证书已过期"))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await _anonymous.PostAsJsonAsync($"{url}/outcome-notice", new OutcomeNoticeRequest("wrong-key"))).StatusCode);
        var notice = await (await _anonymous.PostAsJsonAsync($"{url}/outcome-notice", new OutcomeNoticeRequest(registered.RegistrationKey)))
            .Content.ReadFromJsonAsync<OutcomeNoticeDto>(Json.Options);
        Assert.Equal(OrganisationStatus.Rejected, notice!.Status);
        Assert.Contains("登记证书已过期", notice.Message);
        var events = await factory.Store.Collection<AuditEvent>().FindAsync(e => e.EntityId == registered.Organisation.Id);
        Assert.Contains(events, e => e.Action == "organisation.rejected" && e.Reason == "登记证书已过期");
    }

    [Fact]
    public async Task Organisation_users_read_only_their_own_organisation()
    {
        var org = await factory.ClientForAsync("org");
        Assert.Equal(HttpStatusCode.OK, (await org.GetAsync("/api/organisations/org-kangle")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.GetAsync("/api/organisations/org-yangguang")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsync("/api/organisations/org-yangguang/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _anonymous.GetAsync("/api/organisations/org-kangle")).StatusCode);
    }

    [Fact]
    public async Task Staff_list_pending_registrations()
    {
        var registered = await ProviderKit.RegisterAsync(factory, ProviderKit.Registration());
        var staff = await factory.ClientForAsync("staff");
        var page = await staff.GetFromJsonAsync<PageDto<OrganisationDto>>("/api/organisations?status=Pending&take=200", Json.Options);
        Assert.Contains(page!.Items, o => o.Id == registered.Organisation.Id);
        Assert.All(page.Items, o => Assert.Equal(OrganisationStatus.Pending, o.Status));
    }
}
