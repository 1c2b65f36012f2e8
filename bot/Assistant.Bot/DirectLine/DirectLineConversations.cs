using System.Security.Cryptography;
using Assistant.Platform.Storage;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Assistant.Bot.DirectLine;

/// <summary>
/// Conversations and their activity lists in the document store, so any bot instance can serve any client.
/// Watermarks come from a per-conversation counter advanced with optimistic concurrency (no two activities share one).
/// </summary>
public sealed class DirectLineConversations(IDocumentStore store, TimeProvider clock)
{
    /// <summary>A watermark reserved but not yet written is waited for this long before readers skip past it.</summary>
    private static readonly TimeSpan GapTolerance = TimeSpan.FromSeconds(3);

    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore };

    private IDocumentCollection<DirectLineConversation> Conversations => store.Collection<DirectLineConversation>();
    private IDocumentCollection<DirectLineActivity> Activities => store.Collection<DirectLineActivity>();

    public async Task<DirectLineConversation> CreateAsync(string? userId, CancellationToken ct)
    {
        var id = NewId();
        var conversation = new DirectLineConversation
        {
            Id = id,
            UserId = string.IsNullOrWhiteSpace(userId) ? "dl_" + NewId()[..12] : userId.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await Conversations.InsertAsync(conversation, ct);
        return conversation;
    }

    public Task<DirectLineConversation?> GetAsync(string id, CancellationToken ct) => Conversations.GetAsync(id, ct);

    /// <summary>Marks the conversation started; true only for the caller that started it (the welcome is sent once).</summary>
    public async Task<bool> StartAsync(DirectLineConversation conversation, CancellationToken ct)
    {
        if (conversation.Started) return false;
        conversation.Started = true;
        return await Conversations.ReplaceAsync(conversation, ct);
    }

    /// <summary>Appends an activity, giving it the next watermark and an id derived from it.</summary>
    /// <remarks>The counter's advance and the activity are stored together (one commit on the embedded store).</remarks>
    public async Task<string> AppendAsync(string conversationId, Activity activity, CancellationToken ct)
    {
        while (true)
        {
            var conversation = await Conversations.GetAsync(conversationId, ct)
                ?? throw new InvalidOperationException($"Direct Line conversation {conversationId} does not exist.");
            var watermark = ++conversation.LastWatermark;
            var now = clock.GetUtcNow();
            activity.Id = $"{conversationId}|{watermark:D7}";
            activity.Timestamp ??= now;
            var stored = new DirectLineActivity
            {
                Id = activity.Id,
                ConversationId = conversationId,
                Watermark = watermark,
                Json = JsonConvert.SerializeObject(activity, Json),
                CreatedAt = now.UtcDateTime,
            };
            if (await Conversations.ReplaceWithAsync(conversation, stored, ct)) return activity.Id;
        }
    }

    /// <summary>Activities after <paramref name="watermark"/> in order, stopping at a fresh gap (a write still in flight).</summary>
    public async Task<(IReadOnlyList<string> Activities, long Watermark)> ReadAsync(string conversationId, long watermark, CancellationToken ct)
    {
        // Most polls find nothing new: the conversation's last watermark (a read by id, served from memory on the
        // embedded store) answers them without a query.
        if (await Conversations.GetAsync(conversationId, ct) is { } conversation && conversation.LastWatermark <= watermark)
            return ([], watermark);
        var found = await Activities.FindAsync(a => a.ConversationId == conversationId && a.Watermark > watermark, a => a.Watermark, take: 200, ct: ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = new List<string>();
        var last = watermark;
        foreach (var activity in found)
        {
            if (activity.Watermark != last + 1 && now - activity.CreatedAt < GapTolerance) break;
            result.Add(activity.Json);
            last = activity.Watermark;
        }
        return (result, last);
    }

    private static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}
