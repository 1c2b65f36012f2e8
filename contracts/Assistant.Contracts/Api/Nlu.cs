using System.Text.Json;

namespace Assistant.Contracts.Api;

/// <summary>POST /api/nlu/parse body (Rasa's parse endpoint shape). Text is 1–500 characters.</summary>
public sealed record NluParseRequest(string? Text);

/// <summary>
/// What the parse endpoint answers. <see cref="IntentRanking"/> lists the classifier's best intents,
/// best first, so a caller can ask "did you mean …" when the top two are close.
/// </summary>
public sealed record NluParseResponse(
    string Text,
    NluIntent Intent,
    IReadOnlyList<NluEntity> Entities,
    IReadOnlyList<NluIntent> IntentRanking);

public sealed record NluIntent(string Name, double Confidence);

/// <summary>
/// One entity. <see cref="Value"/> depends on <see cref="Type"/>:
/// money → number (yuan); budget → { "min", "max" } (either may be null); date / deadline → "yyyy-MM-dd"
/// or { "start", "end" } (inclusive, either may be null for an open end); score → integer 1–5;
/// region / category → canonical name; creditcode / projectcode / linkcode → normalised code.
/// <see cref="Text"/> and <see cref="Start"/>/<see cref="End"/> (end exclusive) point into the text as the
/// user wrote it (Traditional stays Traditional). <see cref="Inferred"/> marks a score guessed from sentiment
/// words; <see cref="Error"/> explains an invalid code in Chinese.
/// </summary>
public sealed record NluEntity(
    string Type,
    JsonElement Value,
    string Text,
    int Start,
    int End,
    bool Inferred = false,
    string? Error = null);
