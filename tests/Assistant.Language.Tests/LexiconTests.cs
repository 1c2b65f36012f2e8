namespace Assistant.Language.Tests;

[Collection(LanguageCollection.Name)]
public sealed class LexiconTests(LanguageFixture fixture)
{
    [Theory]
    [InlineData("上虞区有什么项目可以报名", "上虞区", "上虞区")]
    [InlineData("上虞有养老项目吗", "上虞区", "上虞")]
    [InlineData("防城港市有什麼項目", "防城港市", "防城港市")]
    [InlineData("防城区的项目", "防城区", "防城区")]
    [InlineData("江北區最近發布了哪些項目", "江北区", "江北區")]
    [InlineData("安阳的项目", "安阳市", "安阳")]
    [InlineData("咸宁市购买服务", "咸宁市", "咸宁市")]
    public void Regions_resolve_aliases_to_the_canonical_name(string text, string region, string quoted)
    {
        var entity = Assert.Single(fixture.Parse(text).All(EntityTypes.Region));
        Assert.Equal(region, entity.Value);
        Assert.Equal(quoted, entity.Text);
    }

    [Theory]
    [InlineData("我们是做居家养老的", "居家养老")]
    [InlineData("有哪些养老项目", "养老服务")]
    [InlineData("社區服務的項目", "社区服务")]
    [InlineData("校园安保项目", "校园安保")]
    [InlineData("公共卫生方面的招标", "公共卫生")]
    [InlineData("环境监测类项目", "环境监测")]
    [InlineData("數字城管", "数字城管")]
    [InlineData("食品检验检测", "检验检测")]
    [InlineData("公共文化项目", "公共文化")]
    public void Categories_prefer_the_longest_match(string text, string category) =>
        Assert.Equal(category, Assert.Single(fixture.Parse(text).All(EntityTypes.Category)).Value);

    [Fact]
    public void Categories_added_at_run_time_are_recognised_at_once_in_both_scripts()
    {
        Assert.Empty(fixture.Parse("智能陪护项目").All(EntityTypes.Category));

        fixture.Language.Lexicons.AddCategory("智慧陪护", ["智能陪护"], "基本公共服务");

        Assert.Equal("智慧陪护", Assert.Single(fixture.Parse("智能陪护项目").All(EntityTypes.Category)).Value);
        Assert.Equal("智慧陪护", Assert.Single(fixture.Parse("智慧陪護").All(EntityTypes.Category)).Value);
        Assert.Equal("基本公共服务", fixture.Language.Lexicons.Find(EntityTypes.Category, "智慧陪护")?.Parent);
    }

    [Fact]
    public void Adding_an_existing_region_again_merges_its_aliases()
    {
        fixture.Language.Lexicons.AddRegion("崇阳县", ["崇阳县城"]);
        var entry = fixture.Language.Lexicons.Find(EntityTypes.Region, "崇阳县");
        Assert.NotNull(entry);
        Assert.Contains("崇阳", entry.Aliases);
        Assert.Contains("崇阳县城", entry.Aliases);
        Assert.Equal("咸宁市", entry.Parent);
    }
}
