namespace Assistant.Language.Entities;

/// <summary>
/// The state extractors share for one utterance. <see cref="Masked"/> starts as the normalised text;
/// an extractor that claims a span blanks it so later recognisers do not read it again (a project
/// code's "2025" is not a year, "1989.68万元" is not June 1989).
/// </summary>
internal sealed class ExtractionContext(string original, string normalized, DateOnly today)
{
    public string Original { get; } = original;
    public string Normalized { get; } = normalized;
    public char[] Masked { get; } = normalized.ToCharArray();
    public DateOnly Today { get; } = today;
    public List<Entity> Entities { get; } = [];

    public string MaskedText => new(Masked);

    public bool Overlaps(int start, int end) => Entities.Any(e => e.Start < end && start < e.End);

    public Entity Add(string type, object value, int start, int end, bool mask = true)
    {
        var entity = new Entity(type, value, Original[start..end], start, end);
        Entities.Add(entity);
        if (mask) Text.TextNormalizer.Mask(Masked, start, end);
        return entity;
    }

    public Entity Add(Entity entity, bool mask = true)
    {
        Entities.Add(entity);
        if (mask) Text.TextNormalizer.Mask(Masked, entity.Start, entity.End);
        return entity;
    }

    /// <summary>Normalised text just before <paramref name="start"/>, at most <paramref name="length"/> chars.</summary>
    public string Before(int start, int length) => Normalized[Math.Max(0, start - length)..start];

    public string After(int end, int length) => Normalized[end..Math.Min(Normalized.Length, end + length)];
}
