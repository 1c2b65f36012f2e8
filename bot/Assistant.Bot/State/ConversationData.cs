namespace Assistant.Bot.State;

/// <summary>Everything the bot remembers about one conversation: the flow stack and the fallback counter.</summary>
public sealed class ConversationData
{
    /// <summary>Bottom first; the last frame is the active flow.</summary>
    public List<FlowFrame> Stack { get; set; } = [];

    /// <summary>Consecutive turns the bot did not understand (the second one gives up politely).</summary>
    public int Misunderstood { get; set; }

    public bool Welcomed { get; set; }

    [Newtonsoft.Json.JsonIgnore, System.Text.Json.Serialization.JsonIgnore]
    public FlowFrame? Active => Stack.Count == 0 ? null : Stack[^1];
}

/// <summary>One running flow: which prompt it waits on and the slots filled so far.</summary>
public sealed class FlowFrame
{
    public string Flow { get; set; } = "";

    /// <summary>The slot the last prompt asked for; null when the flow is not waiting for an answer.</summary>
    public string? Step { get; set; }

    /// <summary>The last prompt, repeated after help or an interruption.</summary>
    public string? Prompt { get; set; }

    public List<string> PromptActions { get; set; } = [];

    public int Retries { get; set; }

    /// <summary>The prompt is an offer or a clarifying choice, not a form: another request simply replaces it.</summary>
    public bool Optional { get; set; }

    public Dictionary<string, string> Slots { get; set; } = [];

    public bool Done { get; set; }

    public string? Slot(string name) => Slots.TryGetValue(name, out var value) ? value : null;
}
