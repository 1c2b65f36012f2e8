using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Language.Text;
using Microsoft.Recognizers.Text;

namespace Assistant.Language.Entities;

/// <summary>
/// Amounts in yuan from the Recognizers' currency model, plus bare "50万" and "报价450000" that users
/// mean as money, and budget bounds ("预算五十万以上" → min, "不超过30万" → max, "100万到200万" → both).
/// </summary>
internal static partial class MoneyExtractor
{
    private static readonly string[] MoneyCues = ["预算", "报价", "金额", "价格", "投标价", "标价", "资金", "经费", "合同价", "多少钱"];

    // Units after a number that make it a count, not money ("5万人次").
    [GeneratedRegex(@"^\s*(人|次|户|份|个|名|位|家|件|小时|天|平方|米|公里|册|条|元/|岁|年|月|日)")]
    private static partial Regex CountUnitAfter();

    [GeneratedRegex(@"^\s*(到|至|~|-|—|－)\s*$")]
    private static partial Regex RangeJoiner();

    // "30万-50万" gets nothing from the models and "30~50万" loses the first unit: read such ranges here.
    [GeneratedRegex(@"(?<a>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(?<au>万|亿)?元?\s*(?:到|至|~|-|—)\s*(?<b>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(?<bu>万|亿)元?")]
    private static partial Regex UnitRange();

    // Longest first: "不低于" is a minimum although it ends with "低于".
    private static readonly (string Word, bool IsMax)[] Before =
        new[] { "不超过", "不高于", "不多于", "不到", "低于", "少于", "小于", "最多", "最高" }.Select(w => (w, true))
            .Concat(new[] { "超过", "大于", "高于", "多于", "不低于", "不少于", "至少", "最少", "最低", "起码" }.Select(w => (w, false)))
            .OrderByDescending(p => p.Item1.Length).ToArray();
    private static readonly string[] MinAfter = ["以上", "及以上", "起", "往上", "多"];
    private static readonly string[] MaxAfter = ["以下", "及以下", "以内", "之内", "内", "封顶"];

    public static void Extract(ExtractionContext context, RecognizerModels models)
    {
        Ranges(context, models);
        var money = new List<Entity>();
        foreach (var r in models.ParseCurrency(context.MaskedText))
        {
            if (!IsYuan(r) || !TryValue(r, out var value) || context.Overlaps(r.Start, r.End + 1)) continue;
            money.Add(context.Add(EntityTypes.Money, value, r.Start, r.End + 1));
        }
        foreach (var r in models.ParseNumber(context.MaskedText))
        {
            var end = r.End + 1;
            if (!TryValue(r, out var value) || value <= 0 || context.Overlaps(r.Start, end)) continue;
            var big = r.Text.EndsWith('万') || r.Text.EndsWith('亿');
            var cued = MoneyCues.Any(c => context.Before(r.Start, 8).Contains(c, StringComparison.Ordinal));
            if (!(big || cued) || CountUnitAfter().IsMatch(context.After(end, 3))) continue;
            // A bare small number after "预算" is still a count unless large enough to be yuan.
            if (!big && value < 100) continue;
            money.Add(context.Add(EntityTypes.Money, value, r.Start, end));
        }
        Budgets(context, money.OrderBy(m => m.Start).ToList());
    }

    private static void Budgets(ExtractionContext context, List<Entity> money)
    {
        for (var i = 0; i < money.Count; i++)
        {
            var m = money[i];
            var amount = (decimal)m.Value;
            if (i + 1 < money.Count && RangeJoiner().IsMatch(context.Normalized[m.End..money[i + 1].Start]))
            {
                var next = money[i + 1];
                var end = next.End + Suffix(context, next.End, ["之间", "左右"]);
                AddBudget(context, new BudgetRange(Math.Min(amount, (decimal)next.Value), Math.Max(amount, (decimal)next.Value)), m.Start, end);
                i++;
                continue;
            }
            var before = context.Before(m.Start, 5);
            var prefix = Before.FirstOrDefault(p => before.EndsWith(p.Word, StringComparison.Ordinal));
            var afterMin = Suffix(context, m.End, MinAfter);
            var afterMax = afterMin == 0 ? Suffix(context, m.End, MaxAfter) : 0;
            if (prefix.Word is not null)
                AddBudget(context, prefix.IsMax ? new(null, amount) : new(amount, null), m.Start - prefix.Word.Length, m.End + afterMin + afterMax);
            else if (afterMin > 0)
                AddBudget(context, new BudgetRange(amount, null), m.Start, m.End + afterMin);
            else if (afterMax > 0)
                AddBudget(context, new BudgetRange(null, amount), m.Start, m.End + afterMax);
            else if (context.Before(m.Start, 4).Contains("预算", StringComparison.Ordinal))
                AddBudget(context, new BudgetRange(amount, amount), m.Start, m.End);
        }
    }

    private static void Ranges(ExtractionContext context, RecognizerModels models)
    {
        foreach (Match m in UnitRange().Matches(context.MaskedText))
        {
            if (context.Overlaps(m.Index, m.Index + m.Length)) continue;
            var unit = m.Groups["bu"].Value == "亿" ? 100_000_000m : 10_000m;
            var aUnit = m.Groups["au"].Success ? (m.Groups["au"].Value == "亿" ? 100_000_000m : 10_000m) : unit;
            if (Numeral(m.Groups["a"].Value, models) is not { } a || Numeral(m.Groups["b"].Value, models) is not { } b) continue;
            var aEnd = m.Groups["au"].Success ? m.Groups["au"].Index + 1 : m.Groups["a"].Index + m.Groups["a"].Length;
            var (low, high) = (a * aUnit, b * unit);
            var end = m.Index + m.Length + Suffix(context, m.Index + m.Length, ["之间", "左右"]);
            context.Add(new Entity(EntityTypes.Budget, new BudgetRange(Math.Min(low, high), Math.Max(low, high)), context.Original[m.Index..end], m.Index, end), mask: false);
            context.Add(EntityTypes.Money, low, m.Index, aEnd);
            context.Add(EntityTypes.Money, high, m.Groups["b"].Index, m.Index + m.Length);
            TextNormalizer.Mask(context.Masked, m.Index, end);
        }
    }

    private static decimal? Numeral(string text, RecognizerModels models) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
        : models.Number.Parse(text).FirstOrDefault(r => r.Text == text) is { } r && TryValue(r, out var v) ? v : null;

    private static void AddBudget(ExtractionContext context, BudgetRange range, int start, int end) =>
        context.Add(new Entity(EntityTypes.Budget, range, context.Original[start..end], start, end), mask: true);

    private static int Suffix(ExtractionContext context, int end, string[] words) =>
        words.OrderByDescending(w => w.Length).FirstOrDefault(w => context.After(end, w.Length + 1).TrimStart().StartsWith(w, StringComparison.Ordinal)) is { } word
            ? context.After(end, word.Length + 1).IndexOf(word, StringComparison.Ordinal) + word.Length
            : 0;

    // "¥" is yuan in a Chinese sentence even though the model reports yen; fen/jiao alone are the "4.5分" trap.
    private static bool IsYuan(ModelResult r) =>
        r.Resolution?.TryGetValue("isoCurrency", out var iso) == true && iso as string == "CNY"
        || r.Resolution?.TryGetValue("unit", out var unit) == true && unit as string == "Chinese yuan"
        || r.Text.StartsWith('¥') || r.Text.StartsWith('￥');

    private static bool TryValue(ModelResult r, out decimal value)
    {
        value = 0;
        return r.Resolution?.TryGetValue("value", out var v) == true && v is string s
            && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
