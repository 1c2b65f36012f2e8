using Assistant.Platform.Storage;

namespace Assistant.Bot.Reminders;

/// <summary>A message to send into a conversation later ("提醒我明天截止的项目"). Claimed with a version check, so one instance sends it.</summary>
public sealed class Reminder : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }

    /// <summary>The Bot Framework conversation reference as JSON (channel, conversation, user, service URL).</summary>
    public string Reference { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime DueAt { get; set; }
    public bool Sent { get; set; }
}
