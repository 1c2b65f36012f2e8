using Assistant.Platform.Storage;

namespace Assistant.Bot.State;

/// <summary>One bot state entry (conversation, user, …) keyed by the Bot Framework storage key; the ETag is <see cref="Version"/>.</summary>
public sealed class BotStateDocument : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }

    /// <summary>The value as Newtonsoft JSON with type names where the declared type does not give it (earlier versions: everywhere).</summary>
    public string Json { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
