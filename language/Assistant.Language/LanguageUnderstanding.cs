using Assistant.Language.Entities;
using Assistant.Language.Intents;
using Assistant.Language.Text;

namespace Assistant.Language;

/// <summary>
/// Parses one utterance: normalise (Traditional → Simplified, full-width → half-width, same length),
/// extract codes first (so their digits are not read as dates or amounts), then lexicon names, money,
/// scores and dates, then classify the intent; a refusal ("我不想投标") is `decline`, whatever the classifier
/// says. A rating complaint with no stated score gets one inferred from sentiment words.
/// </summary>
public sealed partial class LanguageUnderstanding : ILanguageUnderstanding
{
    public const int MaxTextLength = 500;

    private readonly RecognizerModels _models;
    private readonly Lazy<IntentClassifier> _classifier;
    private readonly IReadOnlyList<(string Word, int Score)> _sentiment;
    private readonly LanguageUnderstandingOptions _options;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;

    /// <param name="classifier">An already trained classifier to share (tests, several instances); by default one is trained from Data/intents.tsv on first use.</param>
    public LanguageUnderstanding(LanguageUnderstandingOptions? options = null, TimeProvider? time = null, IntentClassifier? classifier = null)
    {
        _options = options ?? new LanguageUnderstandingOptions();
        _models = new RecognizerModels(_options.GateRecognizers);
        _time = time ?? TimeProvider.System;
        _zone = FindZone(_options.TimeZoneId);
        _classifier = classifier is null ? new(() => IntentClassifier.Train(LanguageData.IntentExamples())) : new(classifier);
        _sentiment = LanguageData.Sentiment();
        LanguageData.LoadLexicons(Lexicons);
    }

    public Lexicons Lexicons { get; } = new();

    public void WarmUp()
    {
        _models.WarmUp();
        Parse("你好，上虞区预算五十万元以上、下周五之前截止的居家养老项目，SY-2025-001", new DateOnly(2025, 1, 1));
    }

    public ParseResult Parse(string text) =>
        Parse(text, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone).DateTime));

    public ParseResult Parse(string text, DateOnly today)
    {
        text ??= "";
        if (text.Length > MaxTextLength) text = text[..(char.IsHighSurrogate(text[MaxTextLength - 1]) ? MaxTextLength - 1 : MaxTextLength)];
        if (string.IsNullOrWhiteSpace(text)) return new ParseResult(text, new Intent(IntentNames.Fallback, 0), [], []);

        var context = new ExtractionContext(text, TextNormalizer.Normalize(text), today);
        CodeExtractor.Extract(context);
        foreach (var (entry, start, end) in Lexicons.Matcher.Matches(context.MaskedText))
            context.Add(entry.Type, entry.Name, start, end);
        ScoreExtractor.ExtractStated(context);
        MoneyExtractor.Extract(context, _models);
        DateExtractor.Extract(context, _models);

        var ranking = _classifier.Value.Rank(text);
        var top = ranking[0];
        var intent = top.Confidence >= _options.FallbackThreshold ? top : new Intent(IntentNames.Fallback, top.Confidence);
        // "这个项目的投标截止时间是什么时候" shares every word with a request to move the deadline except the verb, and
        // every example of that request has one (延长, 推迟, 改到 …): without it the user is asking, not changing.
        // Asking which projects close when ("有哪些项目下个月截止") is a search; about one project, its status.
        if (intent.Name == IntentNames.DeadlineExtend && !DeadlineChange().IsMatch(context.Normalized))
            intent = new Intent(ListQuestion().IsMatch(context.Normalized) ? IntentNames.ProjectSearch : IntentNames.ProjectStatus, intent.Confidence);
        // A refusal has the words of the request it refuses, so the classifier cannot tell them apart (DeclinedAction).
        if (DeclinedAction.Find(context.Normalized) is var (declined, from, to))
        {
            context.Add(EntityTypes.DeclinedAction, declined, from, to, mask: false);
            intent = new Intent(IntentNames.Decline, DeclinedAction.Confidence);
        }
        if (intent.Name == IntentNames.RatingSubmit) ScoreExtractor.Infer(context, _sentiment);

        var entities = context.Entities.OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
        return new ParseResult(text, intent, entities, ranking.Take(_options.RankingSize).ToList());
    }

    [System.Text.RegularExpressions.GeneratedRegex("延|推迟|推到|往后|改到|改为|改成|修改|调整|顺延|放宽|宽限")]
    private static partial System.Text.RegularExpressions.Regex DeadlineChange();

    [System.Text.RegularExpressions.GeneratedRegex("哪些|有什么|什么项目|有没有.*项目|列一下|列出")]
    private static partial System.Text.RegularExpressions.Regex ListQuestion();

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
