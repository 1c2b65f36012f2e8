using System.Buffers;

namespace Assistant.Language.Entities;

/// <summary>
/// A cheap look at the text the Recognizers would read, saying when a model cannot find anything the
/// extractors keep, so the call is skipped. Why: a CPU profile of the bot under load put the datetime model
/// at about 11 % and the currency + number models at about 2.6 % of all bot CPU, paid even for "你好" or
/// "帮助" (every call also builds new Regex objects in DefinitionLoader.LoadAmbiguityFilters).
/// A false "maybe" only costs time and a false "no" loses an entity, so the sets below are wider than the
/// Chinese definitions of Recognizers.Text 1.8.13 need; RecognizerGateTests run every known utterance
/// through the models with and without the gate and check that each model result passes it.
/// </summary>
internal static class RecognizerGate
{
    // Every Chinese number pattern holds a digit (the models' \d is any Unicode decimal digit) or one of the
    // numerals of ZeroToNineMap/RoundNumberMapChar (simplified, traditional and financial forms), 半 ("半打",
    // "半成") or 折 ("打对折"). 几, 廿, 卅 and the fraction characters are margin.
    private static readonly SearchValues<char> Numerals = SearchValues.Create(
        "零〇一二三四五六七八九十百千万亿兆壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億两兩俩倆仨半几幾廿卅折"
        + "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞");

    // The Chinese currency model also reads English numbers ("ten 元", "half dollar" = 0.5, probed), so any
    // Latin letter may start an amount.
    private static readonly SearchValues<char> Latin = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    // A date, period or "duration + 内" with no number in it still names a calendar unit (年 月 日 号 天 周
    // 星期 礼拜 季 旬 钟头), a relative day (今 明 昨), a time of day (早 晚 夜 晨 午), a season (春 夏 秋 冬),
    // a holiday (元旦 除夕 元宵 端午 七夕 中秋 平安夜, …节) or "now" (现在 刚才 立刻 此刻). 底 末 初 世 纪
    // and the traditional forms are margin. 前/后/去 alone are not needed ("前天", "后年", "去年" hold 天 or 年),
    // only beside 时/分/秒 (below).
    private static readonly SearchValues<char> DateChars = SearchValues.Create(
        "年月日号號天周週星期礼禮拜季旬今明昨早晚夜晨午宵节節旦春夏秋冬底末初世纪刻现刚钟鐘");

    // "下时", "上个小时", "后分", "近秒", "过去时", "未来分钟" are the hour, minute or second before or after
    // now (a datetimerange, probed), so 时/分/秒 count when one of these is in the text too.
    private static readonly SearchValues<char> LastOrNext = SearchValues.Create("上下前后後近去来來");
    private static readonly SearchValues<char> ClockUnits = SearchValues.Create("时時分秒");

    // "Now" and "lately" words and holidays whose characters are too common to gate on one by one: 夕 alone would
    // send every "夕阳红" care home (a very common name among providers) through the date model; 七夕 holds 七.
    private static readonly string[] DateWords = ["马上", "最近", "当下", "这会", "农历", "元宵", "圣诞", "重阳", "国庆", "除夕"];

    /// <summary>False when the number model cannot find a number in <paramref name="text"/>.</summary>
    public static bool MayHoldNumber(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c)) return true;
        }
        return text.ContainsAny(Numerals);
    }

    /// <summary>
    /// False when the currency model cannot find an amount with a value in <paramref name="text"/> (without
    /// a number it finds only bare units such as "元" or "¥", which have none and MoneyExtractor drops).
    /// </summary>
    public static bool MayHoldAmount(ReadOnlySpan<char> text) => MayHoldNumber(text) || text.ContainsAny(Latin);

    /// <summary>False when the datetime model cannot find a date, period or duration in <paramref name="text"/>.</summary>
    public static bool MayHoldDate(ReadOnlySpan<char> text)
    {
        if (MayHoldNumber(text) || text.ContainsAny(DateChars)) return true;
        if (text.ContainsAny(LastOrNext) && text.ContainsAny(ClockUnits)) return true;
        foreach (var word in DateWords)
        {
            if (text.Contains(word, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
