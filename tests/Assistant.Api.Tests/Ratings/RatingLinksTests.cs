using System.Net;
using System.Net.Http.Json;
using System.Text;
using Assistant.Api.Audit;
using Assistant.Api.Ratings;
using Assistant.Api.Tests.Infrastructure;
using Assistant.Contracts.Api;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using QRCoder;

namespace Assistant.Api.Tests.Ratings;

public sealed class RatingLinksTests(RatingsFixture factory) : IClassFixture<RatingsFixture>
{
    private readonly HttpClient _public = factory.CreateClient();

    [Fact]
    public async Task A_link_opens_the_rating_page_with_the_catalogue_items_dimensions_and_nothing_rated_yet()
    {
        var staff = await factory.ClientForAsync("staff");
        var link = await RatingKit.CreateLinkAsync(staff, visit: "2026-03-05 助餐");
        Assert.StartsWith("http://localhost/rating.html?t=", link.Url);
        Assert.Equal(link.Token, Uri.UnescapeDataString(link.Url.Split("?t=")[1]));

        var info = await _public.GetFromJsonAsync<RatingLinkInfoDto>($"/api/ratings/links/{link.Token}", Json.Options);
        Assert.Equal(RatingKit.Contract, info!.ContractId);
        Assert.Equal("上虞区居家养老服务项目（2025年度）", info.ProjectName);
        Assert.Equal("上虞区康乐居家养老服务中心", info.ProviderName);
        Assert.Equal(["服务态度", "及时性", "专业水平"], info.Dimensions);
        Assert.Equal("2026-03-05 助餐", info.Visit);
        Assert.False(info.AlreadyRated);
        Assert.Equal(5, info.RectificationDays);

        await RatingKit.RateAsync(_public, link.Token, 5);
        info = await _public.GetFromJsonAsync<RatingLinkInfoDto>($"/api/ratings/links/{link.Token}", Json.Options);
        Assert.True(info!.AlreadyRated);
    }

    [Fact]
    public async Task An_expired_link_answers_410_and_refuses_ratings()
    {
        var staff = await factory.ClientForAsync("staff");
        var link = await RatingKit.CreateLinkAsync(staff, validDays: 1);
        factory.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        try
        {
            var get = await _public.GetAsync($"/api/ratings/links/{link.Token}");
            Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
            Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Gone, (await RatingKit.SubmitAsync(_public, link.Token, 4)).StatusCode);
            Assert.Equal(HttpStatusCode.Gone, (await _public.GetAsync($"/api/ratings/links/{link.Token}/qr.png")).StatusCode);
        }
        finally
        {
            factory.Clock.Advance(-(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1)));
        }
    }

    [Fact]
    public async Task A_forged_or_altered_token_is_404_including_one_pointed_at_another_contract()
    {
        var staff = await factory.ClientForAsync("staff");
        var link = await RatingKit.CreateLinkAsync(staff);
        var parts = link.Token.Split('.');
        var payload = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[0]));
        Assert.Contains(RatingKit.Contract, payload);
        var otherContract = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload.Replace(RatingKit.Contract, "HT-JB-2025-002")));
        var longerExpiry = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload.Replace("\"E\":", "\"E\":1")));

        string[] forged =
        [
            $"{otherContract}.{parts[1]}",
            $"{longerExpiry}.{parts[1]}",
            $"{parts[0]}.{WebEncoders.Base64UrlEncode(new byte[32])}",
            "not-a-token",
            $"{parts[0]}",
        ];
        foreach (var token in forged)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/ratings/links/{Uri.EscapeDataString(token)}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await RatingKit.SubmitAsync(_public, token, 5)).StatusCode);
        }
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var staff = await factory.ClientForAsync("staff");
        var link = await RatingKit.CreateLinkAsync(staff);
        var payload = factory.Services.GetRequiredService<RatingTokens>().Read(link.Token)!;
        using var otherFactory = new ApiFactory();
        var signedElsewhere = otherFactory.Services.GetRequiredService<RatingTokens>().Issue(payload);
        Assert.NotEqual(link.Token, signedElsewhere);
        Assert.Equal(HttpStatusCode.NotFound, (await _public.GetAsync($"/api/ratings/links/{signedElsewhere}")).StatusCode);
    }

    [Fact]
    public async Task Revoked_links_are_gone_and_listed_as_revoked()
    {
        var staff = await factory.ClientForAsync("staff");
        var link = await RatingKit.CreateLinkAsync(staff);
        var listed = await staff.GetFromJsonAsync<List<RatingLinkSummaryDto>>($"/api/contracts/{RatingKit.Contract}/rating-links", Json.Options);
        var id = factory.Services.GetRequiredService<RatingTokens>().Read(link.Token)!.LinkId;
        Assert.Contains(listed!, l => l.Id == id && !l.Revoked);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/rating-links/{id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await _public.GetAsync($"/api/ratings/links/{link.Token}")).StatusCode);
        listed = await staff.GetFromJsonAsync<List<RatingLinkSummaryDto>>($"/api/contracts/{RatingKit.Contract}/rating-links", Json.Options);
        Assert.Contains(listed!, l => l.Id == id && l.Revoked);
    }

    [Fact]
    public async Task The_qr_codes_encode_the_absolute_rating_page_url()
    {
        var staff = await factory.ClientForAsync("staff");
        var link = await RatingKit.CreateLinkAsync(staff);
        var png = await _public.GetAsync($"/api/ratings/links/{link.Token}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        // Same matrix as a QR code of the link's URL made independently: the PNG encodes exactly that address.
        using var expected = QRCodeGenerator.GenerateQrCode(link.Url, QRCodeGenerator.ECCLevel.M);
        Assert.Equal(new PngByteQRCode(expected).GetGraphic(10), bytes);

        var svg = await _public.GetAsync($"/api/ratings/links/{link.Token}/qr.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_staff_of_the_contracts_department_can_make_links_and_only_while_the_service_runs()
    {
        var staff = await factory.ClientForAsync("staff");
        var org = await factory.ClientForAsync("org");
        var finance = await factory.ClientForAsync("finance");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _public.PostAsJsonAsync($"/api/contracts/{RatingKit.Contract}/rating-links", new CreateRatingLinkRequest())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsJsonAsync($"/api/contracts/{RatingKit.Contract}/rating-links", new CreateRatingLinkRequest())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync("/api/contracts/HT-JB-2025-002/rating-links", new CreateRatingLinkRequest())).StatusCode);
        // SY-2025-002 is already evaluated: no more ratings are collected for it.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await finance.PostAsJsonAsync("/api/contracts/HT-SY-2025-002/rating-links", new CreateRatingLinkRequest())).StatusCode);
        var bad = await staff.PostAsJsonAsync($"/api/contracts/{RatingKit.Contract}/rating-links", new CreateRatingLinkRequest(ValidDays: 0));
        Assert.True((await RatingKit.ValidationProblemAsync(bad)).Errors.ContainsKey("validDays"));
    }

    [Fact]
    public async Task A_sheet_gives_one_link_per_visit_in_order_each_rated_on_its_own_and_each_audited()
    {
        var staff = await factory.ClientForAsync("staff");
        string[] visits = ["3月第1周 张家", "3月第1周 李家", "3月第1周 王家"];
        var response = await staff.PostAsJsonAsync($"/api/contracts/{RatingKit.Contract}/rating-links/batch",
            new CreateRatingLinkSheetRequest(visits, ValidDays: 7), Json.Options);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sheet = (await response.Content.ReadFromJsonAsync<List<RatingLinkForVisitDto>>(Json.Options))!;
        Assert.Equal(visits, sheet.Select(l => l.Visit));
        Assert.Equal(3, sheet.Select(l => l.Token).Distinct().Count());
        foreach (var link in sheet)
        {
            var info = await _public.GetFromJsonAsync<RatingLinkInfoDto>($"/api/ratings/links/{link.Token}", Json.Options);
            Assert.Equal(link.Visit, info!.Visit);
            Assert.False(info.AlreadyRated);
        }

        await RatingKit.RateAsync(_public, sheet[1].Token, 5);
        Assert.True((await _public.GetFromJsonAsync<RatingLinkInfoDto>($"/api/ratings/links/{sheet[1].Token}", Json.Options))!.AlreadyRated);
        Assert.False((await _public.GetFromJsonAsync<RatingLinkInfoDto>($"/api/ratings/links/{sheet[2].Token}", Json.Options))!.AlreadyRated);
        var ids = sheet.Select(l => factory.Services.GetRequiredService<RatingTokens>().Read(l.Token)!.LinkId).ToList();
        var audited = await factory.Store.Collection<AuditEvent>().FindAsync(a => a.Action == "rating-link.created" && ids.Contains(a.EntityId));
        Assert.Equal(3, audited.Count);
    }

    [Fact]
    public async Task A_sheet_with_blank_repeated_or_too_many_visits_names_each_bad_line_and_makes_no_link()
    {
        var staff = await factory.ClientForAsync("staff");
        var before = (await staff.GetFromJsonAsync<List<RatingLinkSummaryDto>>($"/api/contracts/{RatingKit.Contract}/rating-links", Json.Options))!.Count;
        var bad = await staff.PostAsJsonAsync($"/api/contracts/{RatingKit.Contract}/rating-links/batch",
            new { visits = new[] { "张家", " ", "张家 ", new string('长', 101) } });
        var errors = (await RatingKit.ValidationProblemAsync(bad)).Errors;
        Assert.Equal(["visits[1]", "visits[2]", "visits[3]"], errors.Keys.Order());
        Assert.Contains("重复", errors["visits[2]"][0]);

        var tooMany = await staff.PostAsJsonAsync($"/api/contracts/{RatingKit.Contract}/rating-links/batch",
            new { visits = Enumerable.Range(0, RatingLinkSheetApi.MaxVisits + 1).Select(i => $"第{i}户").ToArray() });
        Assert.True((await RatingKit.ValidationProblemAsync(tooMany)).Errors.ContainsKey("visits"));
        var none = await staff.PostAsJsonAsync($"/api/contracts/{RatingKit.Contract}/rating-links/batch", new { visits = Array.Empty<string>() });
        Assert.True((await RatingKit.ValidationProblemAsync(none)).Errors.ContainsKey("visits"));
        var after = (await staff.GetFromJsonAsync<List<RatingLinkSummaryDto>>($"/api/contracts/{RatingKit.Contract}/rating-links", Json.Options))!.Count;
        Assert.Equal(before, after);
    }
}
