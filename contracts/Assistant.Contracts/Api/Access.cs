using Assistant.Contracts.Domain;

namespace Assistant.Contracts.Api;

// Account linking (chat user ↔ account), see docs/decisions/0007-authorization.md.

/// <summary>A one-time code the user types in chat ("绑定 123456"); valid until <see cref="ExpiresAt"/>, single use.</summary>
public sealed record AccountLinkCodeDto(string Code, DateTime ExpiresAt, string Username);

public sealed record IssueLinkCodeRequest(string? Username);

public sealed record RedeemLinkCodeRequest(string? Code, string? ChannelUserId);

/// <summary>The account a chat user is now linked to; the bot keeps <see cref="Username"/> and sends it as X-Acting-User.</summary>
public sealed record LinkedAccountDto(string Username, string DisplayName, IReadOnlyList<string> Roles, string? OrganisationId, string? Department);

// Audit trail.

public sealed record AuditEventDto(
    string Id, DateTime At, string Actor, string Channel, string Action, string EntityType, string EntityId,
    string? ProjectId, string? Reason, string? Details);

// Project status for chat answers and the overdue lists.

public sealed record KeyDatesDto(
    DateTime? PublishedAt, DateTime? ClarificationDeadline, DateTime? BidDeadline, DateTime? AwardedAt,
    DateTime? ServiceStart, DateTime? ServiceEnd, DateTime? EvaluationDue);

/// <summary>An open 差评 rectification case; only staff managing the project (and the provider concerned) see the list.</summary>
public sealed record OpenRectificationDto(string Id, string OrganisationId, DateTime OpenedAt, DateTime DueAt, bool Overdue);

public sealed record ProjectStatusDto(
    string Id, string Name, string Department, ProjectStatus Status, string StatusLabel,
    string NextStep, string NextActor, KeyDatesDto KeyDates,
    int OpenRectificationCount, int OverdueRectificationCount,
    IReadOnlyList<OpenRectificationDto>? OpenRectifications);

public sealed record OverdueAwardDto(string Id, string Name, string Department, ProjectStatus Status, string StatusLabel, DateTime BidDeadline, int DaysOverdue);

public sealed record EvaluationDueDto(string Id, string Name, string Department, ProjectStatus Status, string StatusLabel, DateTime EvaluationDue, bool Overdue);

public sealed record ExtendDeadlineRequest(DateTime? BidDeadline, string? Reason);
