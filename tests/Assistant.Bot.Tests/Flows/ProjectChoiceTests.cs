using Assistant.Bot.Flows;
using Option = Assistant.Bot.Flows.ProjectChoice.Option;

namespace Assistant.Bot.Tests.Flows;

public sealed class ProjectChoiceTests
{
    private static readonly Option[] Offered =
    [
        new("XN-2026-001", "咸宁市社区居家养老服务项目"),
        new("SY-2026-001", "上虞区居家养老上门服务项目"),
        new("SY-2026-002", "上虞区老年助餐服务项目"),
        new("SY-2025-001", "上虞区居家养老服务项目（2025年度）"),
    ];

    private static string[] Ids(string text, string? code = null) => ProjectChoice.Match(text, code, Offered).Select(o => o.Id).ToArray();

    [Theory]
    [InlineData("2025年度那个", "SY-2025-001")]
    [InlineData("助餐的", "SY-2026-002")]
    [InlineData("咸宁那个", "XN-2026-001")]
    [InlineData("上门服务的那个项目", "SY-2026-001")]
    [InlineData("第二个", "SY-2026-001")]
    [InlineData("3", "SY-2026-002")]
    [InlineData("第4个", "SY-2025-001")]
    public void An_answer_naming_what_only_one_offered_project_has_chooses_it(string text, string id) =>
        Assert.Equal([id], Ids(text));

    [Fact]
    public void Words_several_names_share_narrow_the_choice_to_them() =>
        Assert.Equal(["SY-2026-001", "SY-2026-002", "SY-2025-001"], Ids("上虞区的"));

    [Theory]
    [InlineData("居家养老服务项目")] // two names hold all of 居家养老服务: narrowed, not chosen
    [InlineData("的")]
    [InlineData("第九个")]
    [InlineData("本月有哪些项目待评价")]
    public void An_answer_that_does_not_single_out_a_project_chooses_none(string text) =>
        Assert.NotEqual(1, Ids(text).Length);

    [Fact]
    public void A_code_chooses_that_project_even_when_it_was_not_offered() =>
        Assert.Equal(["SY-2024-009"], Ids("SY-2024-009", "SY-2024-009"));

    [Fact]
    public void The_offered_options_survive_the_round_trip_through_the_state_slot() =>
        Assert.Equal(Offered, ProjectChoice.Decode(ProjectChoice.Encode(Offered)));
}
