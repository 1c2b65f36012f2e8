namespace Assistant.Contracts.Api;

/// <summary>
/// One cited passage. <see cref="Text"/> is the document's own wording (Traditional stays Traditional);
/// <see cref="Section"/> is the heading path, e.g. "二、规范有序开展政府购买服务工作 › （二）承接主体".
/// <see cref="Score"/> is 0–1: how much of the question the passage covers, weighted by term rarity.
/// </summary>
public sealed record PolicyPassageDto(
    string Text,
    string DocumentTitle,
    string? DocNumber,
    string Section,
    double Score,
    string? IssuingBody = null,
    string? IssuedOn = null);

/// <summary>
/// Best first. When <see cref="Confident"/> is false the answers are only alternatives ("您是不是想问…") and the
/// caller should say it is not sure and suggest contacting staff. <see cref="Summary"/> is set for catalogue
/// questions ("X能不能政府购买"): the verdict from the catalogue / excluded-matters list, cited by the answers.
/// <see cref="SuggestedQuestions"/> are 2–3 follow-ups a chat client can show as buttons.
/// </summary>
public sealed record PolicyAnswerDto(
    IReadOnlyList<PolicyPassageDto> Answers,
    bool Confident,
    IReadOnlyList<string> SuggestedQuestions,
    string? Summary = null);

/// <summary>The outcome of ingesting one file: either a document with its passages, or a clear error.</summary>
public sealed record PolicyIngestResultDto(
    string FileName,
    bool Succeeded,
    string? DocumentId,
    string? Title,
    string? DocNumber,
    int Passages,
    bool Replaced,
    string? Error);

/// <summary>Per-file results of one upload, in the order the files were sent.</summary>
public sealed record PolicyUploadResultDto(IReadOnlyList<PolicyIngestResultDto> Files)
{
    public int Succeeded => Files.Count(f => f.Succeeded);
    public int Failed => Files.Count(f => !f.Succeeded);
}

/// <summary>An ingested policy document, as listed by GET /api/policies.</summary>
public sealed record PolicyDocumentDto(
    string Id, string Title, string? DocNumber, string? IssuingBody, string? IssuedOn, int Passages, DateTime IngestedAt);
