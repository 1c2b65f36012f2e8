using Assistant.Contracts.Text;
using Assistant.Language;

namespace Assistant.Bot.Understanding;

/// <summary>
/// The language library (ML.NET intents, Recognizers entities) behind the bot's own <see cref="IUnderstanding"/>.
/// The keyword rules stay as a backstop: when the model is unsure, an unambiguous command ("取消", "绑定 123456")
/// still works, and entities the model did not report (e.g. a code in an unusual position) are still found.
/// </summary>
public sealed class LanguageUnderstandingAdapter(ILanguageUnderstanding language, KeywordUnderstanding rules) : IUnderstanding
{
    public const double Unsure = 0.5;

    public Understood Understand(string text, DateOnly today)
    {
        var parsed = language.Parse(text, today);
        var backstop = rules.Understand(text, today);
        var intent = parsed.Intent.Name;
        var confidence = parsed.Intent.Confidence;
        // A confident "not ours" stands: the backstop's broad question words (怎么, 如何) would otherwise send
        // "今天天气怎么样" to the policy search, which then quoted an unrelated passage.
        var outOfScope = intent == IntentNames.OutOfScope && confidence >= Unsure;
        if (intent == IntentNames.OutOfScope && !outOfScope) intent = Intents.Fallback;
        if (!outOfScope && (intent == Intents.Fallback || confidence < Unsure) && backstop.Intent != Intents.Fallback)
            (intent, confidence) = (backstop.Intent, backstop.Confidence);
        // "康乐养老的评价怎么样" asks about ratings: a rule-only intent, which the model would take for a rating.
        if (backstop.Intent == Intents.ProviderRatings) (intent, confidence) = (backstop.Intent, backstop.Confidence);
        // A pasted rating link (the QR code's address) is unambiguous, whatever the words around it.
        if (text.Contains("rating.html?", StringComparison.OrdinalIgnoreCase))
            (intent, confidence) = (Intents.RatingSubmit, 0.95);

        var budget = parsed.First(EntityTypes.Budget)?.Value as BudgetRange;
        var projectCode = Str(parsed, EntityTypes.ProjectCode)?.ToUpperInvariant() ?? backstop.ProjectCode;
        // "SY-2026-001的预算多少" names one project: its details, not a search by budget.
        if (intent == Intents.ProjectSearch && projectCode is not null) intent = Intents.ProjectStatus;
        return backstop with
        {
            Text = ChineseScript.ToSimplified(text.Trim()),
            Intent = intent,
            Confidence = confidence,
            ProjectCode = projectCode,
            LinkCode = Str(parsed, EntityTypes.LinkCode) ?? backstop.LinkCode,
            CreditCode = Str(parsed, EntityTypes.CreditCode) ?? backstop.CreditCode,
            Money = parsed.First(EntityTypes.Money)?.Value as decimal? ?? backstop.Money,
            BudgetMin = budget?.Min ?? backstop.BudgetMin,
            BudgetMax = budget?.Max ?? backstop.BudgetMax,
            Date = DateOf(parsed) ?? backstop.Date,
            Region = Str(parsed, EntityTypes.Region) ?? backstop.Region,
            Category = Str(parsed, EntityTypes.Category),
            Score = parsed.First(EntityTypes.Score)?.Value as int? ?? backstop.Score,
            Declined = Str(parsed, EntityTypes.DeclinedAction) ?? backstop.Declined,
        };
    }

    private static string? Str(ParseResult parsed, string type) => parsed.First(type)?.Value as string;

    private static DateOnly? DateOf(ParseResult parsed) =>
        (parsed.First(EntityTypes.Date) ?? parsed.First(EntityTypes.Deadline))?.Value switch
        {
            DateOnly d => d,
            DateRange r => r.End ?? r.Start,
            _ => null,
        };
}
