namespace Assistant.Language;

/// <summary>
/// Chinese (Simplified or Traditional) language understanding: the intent of one utterance and the
/// entities in it. Thread-safe; one instance per process (models are built once).
/// </summary>
public interface ILanguageUnderstanding
{
    ParseResult Parse(string text);

    /// <summary>Same, with relative dates ("下周五之前") resolved against <paramref name="today"/>.</summary>
    ParseResult Parse(string text, DateOnly today);

    /// <summary>Builds every model once so the first user does not pay for it.</summary>
    void WarmUp();

    /// <summary>Regions and categories, which the bot extends at run time from the API's catalogue.</summary>
    Lexicons Lexicons { get; }
}

public sealed record ParseResult(
    string Text,
    Intent Intent,
    IReadOnlyList<Entity> Entities,
    IReadOnlyList<Intent> IntentRanking)
{
    public Entity? First(string type) => Entities.FirstOrDefault(e => e.Type == type);

    public IEnumerable<Entity> All(string type) => Entities.Where(e => e.Type == type);
}

public sealed record Intent(string Name, double Confidence);

/// <summary>
/// An entity. Value by type: money → decimal yuan; budget → <see cref="BudgetRange"/>; date/deadline →
/// <see cref="DateOnly"/> or <see cref="DateRange"/>; score → int 1–5; region/category → canonical name;
/// creditcode/projectcode/linkcode → normalised string. Start/End (end exclusive) and Text refer to the
/// original text, so Traditional input is quoted as written.
/// </summary>
public sealed record Entity(string Type, object Value, string Text, int Start, int End)
{
    /// <summary>True for a score guessed from sentiment words ("饭菜凉了") rather than stated.</summary>
    public bool Inferred { get; init; }

    /// <summary>Why a code is invalid, in Chinese, ready to show the user.</summary>
    public string? Error { get; init; }
}

/// <summary>A budget bound: "五十万以上" → Min 500000; "不超过30万" → Max 300000.</summary>
public sealed record BudgetRange(decimal? Min, decimal? Max);

/// <summary>Inclusive date range; a null end is open ("3月1日前" has only End).</summary>
public sealed record DateRange(DateOnly? Start, DateOnly? End);
