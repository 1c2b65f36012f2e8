using Assistant.Platform.Storage;

namespace Assistant.Bot.State;

/// <summary>One bot state entry (conversation, user, …) keyed by the Bot Framework storage key; the ETag is <see cref="Version"/>.</summary>
public sealed class BotStateDocument : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }

    /// <summary>The value as Newtonsoft JSON with type names, the way the SDK's own storages keep it.</summary>
    public string Json { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
