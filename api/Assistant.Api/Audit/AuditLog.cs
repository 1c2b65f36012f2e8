using Assistant.Api.Auth;
using Assistant.Platform.Storage;

namespace Assistant.Api.Audit;

/// <summary>The one way features record a state change; keeps every audit event shaped the same.</summary>
public sealed class AuditLog(IDocumentStore store, TimeProvider clock, IHttpContextAccessor http)
{
    public Task RecordAsync(string actor, string action, string entityType, string entityId,
        string? projectId = null, string? reason = null, string? details = null, CancellationToken ct = default) =>
        store.Collection<AuditEvent>().InsertAsync(new AuditEvent
        {
            Id = Guid.CreateVersion7().ToString("N"),
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            ProjectId = projectId,
            Reason = reason,
            Details = details,
            Channel = http.HttpContext is { } context ? (context.User.ViaBot() ? "chat" : "web") : "system",
        }, ct);
}
