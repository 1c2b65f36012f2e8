using Assistant.Api.Auth;
using Assistant.Platform.Storage;

namespace Assistant.Api.Audit;

/// <summary>The one way features record a state change; keeps every audit event shaped the same.</summary>
public sealed class AuditLog(IDocumentStore store, TimeProvider clock, IHttpContextAccessor http)
{
    private static long _sequence;

    /// <summary>
    /// Ids sort in the order events were recorded (wall-clock ticks, then a per-process sequence), so the trail reads
    /// in order even when many events share a timestamp (one request, or a test's standing clock).
    /// </summary>
    private static string NextId() =>
        $"{DateTime.UtcNow.Ticks:x16}{Interlocked.Increment(ref _sequence) & 0xFFFFFF:x6}{Random.Shared.Next():x8}";

    public Task RecordAsync(string actor, string action, string entityType, string entityId,
        string? projectId = null, string? reason = null, string? details = null, CancellationToken ct = default) =>
        store.Collection<AuditEvent>().InsertAsync(Event(actor, action, entityType, entityId, projectId, reason, details), ct);

    /// <summary>An event to store together with the record it is about (<see cref="IDocumentCollection{T}.InsertWithAsync"/>): one commit, both or neither.</summary>
    public AuditEvent Event(string actor, string action, string entityType, string entityId,
        string? projectId = null, string? reason = null, string? details = null) => new()
        {
            Id = NextId(),
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ProjectId = projectId,
            Reason = reason,
            Details = details,
            Channel = http.HttpContext is { } context ? (context.User.ViaBot() ? "chat" : "web") : "system",
        };
}
