using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Api.Disclosure;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;

namespace Assistant.Api.Tests.Disclosure;

/// <summary>GET /api/disclosure/providers?name=: verified providers by the words people call them, for anyone.</summary>
public sealed class ProviderSearchTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _public = factory.CreateClient();

    private async Task<List<DisclosedProviderDto>> FindAsync(string name) =>
        (await _public.GetFromJsonAsync<List<DisclosedProviderDto>>($"/api/disclosure/providers?name={Uri.EscapeDataString(name)}", Json.Options))!;

    [Theory]
    [InlineData("康乐养老")]
    [InlineData("康樂養老")]
    [InlineData("上虞区康乐居家养老服务中心")]
    [InlineData(" 康乐 ")]
    public async Task A_provider_is_found_by_the_words_people_call_it(string name)
    {
        var found = await FindAsync(name);
        Assert.Equal("org-kangle", found[0].OrganisationId);
        Assert.Equal("上虞区康乐居家养老服务中心", found[0].Name);
    }

    [Fact]
    public async Task An_applicant_not_yet_verified_is_not_disclosed()
    {
        Assert.Empty(await FindAsync("绿源环境")); // 防城港市绿源环境检测有限公司 is still pending
        Assert.Empty(await FindAsync("星辰科技"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("康")]
    [InlineData("？？")]
    public async Task Too_little_of_a_name_is_a_field_error(string name)
    {
        var response = await _public.GetAsync($"/api/disclosure/providers?name={Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public void The_name_holding_the_words_in_one_piece_ranks_before_one_holding_them_apart()
    {
        var together = ProviderNames.Distance("上虞区新苗社区服务中心", "社区服务")!.Value;
        var apart = ProviderNames.Distance("江北区阳光社会工作服务社", "社区服务");
        Assert.Null(apart); // 区 comes before 社 there: not in order
        Assert.True(together < ProviderNames.Distance("上虞区康乐居家养老服务中心", "康乐服务")!.Value);
        Assert.Null(ProviderNames.Distance("上虞区康乐居家养老服务中心", "养老康乐"));
    }
}
