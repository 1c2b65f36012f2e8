namespace Assistant.Language;

public sealed class LanguageUnderstandingOptions
{
    /// <summary>Below this top-intent probability the result is <see cref="IntentNames.Fallback"/> (the ranking still says what came closest).</summary>
    public double FallbackThreshold { get; set; } = 0.3;

    /// <summary>How many intents the ranking lists.</summary>
    public int RankingSize { get; set; } = 5;

    /// <summary>Relative dates ("明天") are resolved in the users' time zone, not the server's.</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";
}
