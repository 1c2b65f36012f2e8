using Assistant.Platform.Storage;

namespace Assistant.Platform.Tests.Storage;

public enum WidgetState
{
    New,
    Active,
    Retired,
}

/// <summary>A document with every kind of field the features store: decimal money, UTC dates, enums, lists, dictionaries, nesting.</summary>
public sealed class Widget : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string? Remark { get; set; }
    public string Key { get; set; } = "";
    public decimal Amount { get; set; }
    public DateTime At { get; set; }
    public DateTime? Deadline { get; set; }
    public WidgetState State { get; set; }
    public List<string> Tags { get; set; } = [];
    public Dictionary<string, int> Scores { get; set; } = [];
    public WidgetPart Part { get; set; } = new();
}

public sealed class WidgetPart
{
    public string Label { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>A document kept only by id, like bot state: its collection has no secondary index.</summary>
public sealed class Note : IDocument
{
    public required string Id { get; init; }
    public long Version { get; set; }
    public string Text { get; set; } = "";
}

public static class WidgetSchema
{
    public static StoreSchema Create()
    {
        var schema = new StoreSchema();
        schema.Collection<Widget>("widgets")
            .Index("ux_widgets_key", w => w.Key, unique: true)
            .Index("ix_widgets_state", w => w.State)
            .Index("ix_widgets_at", w => w.At);
        schema.Collection<Note>("notes");
        return schema;
    }
}
