using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Assistant.Language;
using Assistant.Language.Entities;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;

/// <summary>
/// Searches for texts the recogniser gate turns away although a model finds something in them: every single
/// character, every word of the models' own Chinese definitions and of the training data, optionally every
/// pair of short definition words, then random strings of such words. Run it after upgrading
/// Microsoft.Recognizers.Text: the gate was written against the 1.8.13 definitions.
/// Usage: dotnet run -c Release -- gate-fuzz [random strings, default 100000] [pairs]
/// </summary>
internal static partial class GateFuzz
{
    private static readonly string[] Kept = ["date", "datetime", "daterange", "datetimerange", "duration"];

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+|[A-Za-z]{2,}")]
    private static partial Regex Word();

    public static int Run(int randomCount, bool pairs)
    {
        var currency = new NumberWithUnitRecognizer(Culture.Chinese).GetCurrencyModel();
        var number = new NumberRecognizer(Culture.Chinese).GetNumberModel();
        var dateTime = new DateTimeRecognizer(Culture.Chinese).GetDateTimeModel();
        var reference = new DateTime(2025, 2, 12);
        var misses = 0;
        long tried = 0;

        void Check(string text)
        {
            tried++;
            var found = new List<string>();
            if (!RecognizerGate.MayHoldNumber(text)) found.AddRange(number.Parse(text).Select(r => "number " + r.Text));
            if (!RecognizerGate.MayHoldAmount(text))
                found.AddRange(currency.Parse(text).Where(r => r.Resolution?.GetValueOrDefault("value") is not null).Select(r => "amount " + r.Text));
            if (!RecognizerGate.MayHoldDate(text))
                found.AddRange(dateTime.Parse(text, reference).Where(r => Types(r).Any(Kept.Contains)).Select(r => $"{r.TypeName} {r.Text}"));
            foreach (var f in found)
            {
                if (misses++ < 50) Console.WriteLine($"MISS [{text}] -> {f}");
            }
        }

        var definitions = DefinitionWords();
        var training = LanguageData.IntentExamples().SelectMany(e => Word().Matches(e.Text))
            .SelectMany(m => Enumerable.Range(0, m.Length).SelectMany(i => Enumerable.Range(1, Math.Min(3, m.Length - i)).Select(n => m.Value.Substring(i, n))));
        var words = definitions.Concat(training).Distinct().Where(w => !RecognizerGate.MayHoldDate(w) || !RecognizerGate.MayHoldAmount(w)).ToList();
        Console.WriteLine($"{definitions.Count} definition words; {words.Count} words the gate turns away for some model");

        for (var c = '\u3000'; c <= '\u9FFF'; c++) Check(c.ToString());
        foreach (var w in words) Check(w);
        Console.WriteLine($"single characters and words: {tried} texts, {misses} misses");

        if (pairs)
        {
            var shortWords = definitions.Where(w => w.Length <= 3 && !RecognizerGate.MayHoldDate(w)).ToList();
            foreach (var a in shortWords) foreach (var b in shortWords) Check(a + b);
            Console.WriteLine($"pairs of {shortWords.Count} short definition words: {tried} texts so far, {misses} misses");
        }

        var random = new Random(42);
        string[] joins = ["", "", " ", "的", "在", "到", "是", "，", "个", "之"];
        for (var i = 0; i < randomCount; i++)
            Check(string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => joins[random.Next(joins.Length)] + words[random.Next(words.Count)])));
        Console.WriteLine($"random strings: {tried} texts in all, {misses} misses");
        return misses == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Types(ModelResult r) =>
        (r.Resolution?.GetValueOrDefault("values") as IEnumerable<Dictionary<string, string>> ?? []).Select(v => v.GetValueOrDefault("type") ?? "");

    /// <summary>The Chinese words of the models' definitions (regexes, lists and maps), read by reflection.</summary>
    private static List<string> DefinitionWords()
    {
        var types = new[] { "DateTimeDefinitions", "NumbersDefinitions", "NumbersWithUnitDefinitions" }
            .Select(n => typeof(Microsoft.Recognizers.Definitions.Chinese.DateTimeDefinitions).Assembly.GetType("Microsoft.Recognizers.Definitions.Chinese." + n)!);
        var texts = types.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).SelectMany(f => Flatten(f.GetValue(null)));
        return texts.SelectMany(t => Word().Matches(t)).Select(m => m.Value).Distinct().ToList();
    }

    private static IEnumerable<string> Flatten(object? value) => value switch
    {
        string s => [s],
        IDictionary d => d.Keys.Cast<object>().SelectMany(k => Flatten(k).Concat(Flatten(d[k]))),
        IEnumerable e => e.Cast<object>().SelectMany(Flatten),
        _ => [],
    };
}
