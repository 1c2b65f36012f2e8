using System.Text;

namespace Assistant.Bench.Knowledge;

/// <summary>
/// Policy-like documents under 一、/（一） headings whose sentences are drawn word by word from the five policies'
/// vocabulary (with its frequencies): the index sees the real words at scale, but no real passage is copied, so
/// the evaluation on the large corpus still has one right answer per question among 10,000 distractors.
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Regions = ["东城区", "西湖区", "南山区", "北塘区", "青山县", "白云区", "金水区", "龙泉市", "桃源县", "临江市", "平安县", "长乐区"];
    private static readonly string[] Topics = ["养老服务", "社区矫正", "校园安保", "环境监测", "公共文化", "法律援助", "垃圾清运", "职业培训", "检验检测", "数字城管"];

    public static IEnumerable<(string FileName, string Text)> Generate(IReadOnlyList<string> words, int documents, int sectionsPerDocument, int seed = 42)
    {
        var random = new Random(seed);
        for (var d = 0; d < documents; d++)
        {
            var region = Regions[random.Next(Regions.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var text = new StringBuilder();
            text.AppendLine($"{region}人民政府办公室");
            text.AppendLine($"关于{topic}政府购买服务的实施意见（第{d + 1}号）");
            text.AppendLine($"{region}府办〔{2015 + d % 8}〕{d + 1}号");
            for (var s = 0; s < sectionsPerDocument; s++)
            {
                if (s % 5 == 0) text.AppendLine($"{Chinese(s / 5 + 1)}、{topic}工作要求第{s / 5 + 1}部分");
                text.AppendLine($"（{Chinese(s % 5 + 1)}）{Topics[random.Next(Topics.Length)]}事项");
                var paragraph = new StringBuilder();
                var length = random.Next(40, 110);
                for (var k = 1; k <= length; k++)
                    paragraph.Append(words[random.Next(words.Count)]).Append(k == length ? "。" : k % 9 == 0 ? "，" : "");
                text.AppendLine(paragraph.ToString());
            }
            yield return ($"synthetic-{d:0000}.txt", text.ToString());
        }
    }

    private static string Chinese(int n) => n switch
    {
        <= 10 => "零一二三四五六七八九十"[n].ToString(),
        < 20 => "十" + "零一二三四五六七八九"[n - 10],
        _ => "零一二三四五六七八九"[n / 10] + "十" + (n % 10 == 0 ? "" : "零一二三四五六七八九"[n % 10].ToString()),
    };
}
