namespace Assistant.Language.Tests;

/// <summary>Messy input (emoji, astral characters, control characters, broken codes) never throws and spans stay exact.</summary>
[Collection(LanguageCollection.Name)]
public sealed class RobustnessTests(LanguageFixture fixture)
{
    private static readonly string[] Pieces =
    [
        "五十万", "元", "年", "月", "日", "前", "截止", "SY-", "2025", "-001", "9133060", "4MA2BDQ8X1P", "分", "星",
        "满意", "不", "到", "~", "-", "万", "亿", "😀", "𠮷", "\u0000", "\t", " ", "３", "０", "區", "上虞", "养老",
        "预算", "以上", "绑定码", "123456", "。", "，", "?", "下周五", "底", "今年", "1989.68", "4.5", "十", "两",
    ];

    [Fact]
    public void Random_fragments_parse_without_exceptions_and_with_exact_spans()
    {
        var random = new Random(20250212);
        for (var i = 0; i < 400; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ =>
                random.Next(4) == 0 ? ((char)random.Next(0x20, 0xD7FF)).ToString() : Pieces[random.Next(Pieces.Length)]));

            var result = fixture.Parse(text);

            Assert.NotNull(result.Intent.Name);
            foreach (var e in result.Entities) Assert.Equal(text[e.Start..e.End], e.Text);
        }
    }
}
