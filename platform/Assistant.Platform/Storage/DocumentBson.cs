using LiteDB;

namespace Assistant.Platform.Storage;

/// <summary>How documents become BSON on the embedded store (ADR 0011), and did on LiteDB before it (ADR 0003).</summary>
internal static class DocumentBson
{
    public static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper
        {
            EmptyStringToNull = false,
            TrimWhitespace = false,
            EnumAsInteger = false,
        };
        // LiteDB hands DateTimes back in local time; the domain works in UTC everywhere.
        mapper.RegisterType(
            serialize: (DateTime d) => new BsonValue(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
            deserialize: b => b.AsDateTime.ToUniversalTime());
        return mapper;
    }
}
