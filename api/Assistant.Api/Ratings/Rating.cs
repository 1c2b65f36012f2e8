using Assistant.Platform.Storage;

namespace Assistant.Api.Ratings;

/// <summary>
/// 满意度评价 by a recipient. Id is the client's idempotency key, so a retried submission can never create a
/// second rating; <see cref="LinkVisitKey"/> is unique, so one link (and visit) is rated once.
/// Holds no personal data of the recipient; voided ratings stay stored with the reason.
/// </summary>
public sealed class Rating : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public required string ContractId { get; init; }
    public required string ProjectId { get; init; }
    public required string OrganisationId { get; init; }
    /// <summary>"{linkId}|{visit}"; unique index.</summary>
    public required string LinkVisitKey { get; init; }
    /// <summary>5 非常满意 … 1 非常不满意.</summary>
    public int Score { get; init; }
    public Dictionary<string, int> Dimensions { get; init; } = [];
    /// <summary>Plain text, length-limited; never rendered as HTML.</summary>
    public string? Comment { get; init; }
    /// <summary>"link" (QR page), "chat".</summary>
    public string Channel { get; init; } = "link";
    public DateTime SubmittedAt { get; init; }
    /// <summary>Decided before the rating is stored, so a replayed submission answers exactly as the first one did.</summary>
    public string? RectificationCaseId { get; set; }
    public DateTime? RectificationDueAt { get; set; }
    /// <summary>Set when this rating rates a rectification (the recipient rating the fix).</summary>
    public string? RatesRectificationCaseId { get; init; }
    public bool Voided { get; set; }
    public string? VoidReason { get; set; }
    public string? VoidedBy { get; set; }
    public DateTime? VoidedAt { get; set; }

    public bool OpensRectification => Score <= 2 && RatesRectificationCaseId is null;

    public static string KeyFor(string linkId, string? visit) => $"{linkId}|{visit}";

    /// <summary>The recipient rates the fix of a case once, through the same link as the complaint.</summary>
    public static string FixKeyFor(string linkVisitKey, string caseId) => $"{linkVisitKey}|fix:{caseId}";

    public static string LevelLabel(int score) => score switch
    {
        5 => "非常满意",
        4 => "满意",
        3 => "基本满意",
        2 => "不满意",
        1 => "非常不满意",
        _ => "未知",
    };
}
