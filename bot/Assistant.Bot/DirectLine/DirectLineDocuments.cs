using Assistant.Platform.Storage;

namespace Assistant.Bot.DirectLine;

/// <summary>A Direct Line conversation; <see cref="LastWatermark"/> is the counter every instance advances with optimistic concurrency.</summary>
public sealed class DirectLineConversation : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string UserId { get; set; } = "";
    public bool Started { get; set; }
    public long LastWatermark { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One activity in a conversation's ordered list; <see cref="Watermark"/> is its position (1, 2, 3 …).</summary>
public sealed class DirectLineActivity : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string ConversationId { get; set; } = "";
    public long Watermark { get; set; }

    /// <summary>The Bot Framework activity JSON, returned to clients as is.</summary>
    public string Json { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>The token signing key, generated once and shared by every bot instance when none is configured.</summary>
public sealed class DirectLineKey : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string Key { get; set; } = "";
}
