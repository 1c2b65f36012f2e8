namespace Assistant.Api.Ratings;

public sealed class RatingOptions
{
    public const string Section = "Ratings";

    /// <summary>Working days (Mon–Fri, minus <see cref="Holidays"/>) a provider has to answer a 差评.</summary>
    public int RectificationWorkingDays { get; set; } = 5;

    /// <summary>Public holidays as yyyy-MM-dd; skipped like weekends when counting working days.</summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>The offset of the local calendar deadlines are counted in (Beijing time, +8).</summary>
    public double UtcOffsetHours { get; set; } = 8;

    /// <summary>Default and maximum validity of a rating link.</summary>
    public int LinkValidDays { get; set; } = 30;
    public int MaxLinkValidDays { get; set; } = 366;

    /// <summary>Absolute base of the mobile web (e.g. https://zfgm.example.gov.cn); the request's own base when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    public int MaxCommentLength { get; set; } = 500;
}
