namespace Assistant.Language;

public sealed class LanguageUnderstandingOptions
{
    /// <summary>Below this top-intent probability the result is <see cref="IntentNames.Fallback"/> (the ranking still says what came closest).</summary>
    public double FallbackThreshold { get; set; } = 0.3;

    /// <summary>How many intents the ranking lists.</summary>
    public int RankingSize { get; set; } = 5;

    /// <summary>Relative dates ("明天") are resolved in the users' time zone, not the server's.</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// Skip a Recognizers model when the text cannot hold what it finds (RecognizerGate). Off only in tests,
    /// which compare both ways.
    /// </summary>
    internal bool GateRecognizers { get; init; } = true;
}
