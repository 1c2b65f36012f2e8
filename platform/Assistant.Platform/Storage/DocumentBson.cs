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
        mapper.RegisterType(serialize: (DateTime d) => new BsonValue(AsStored(d)), deserialize: b => b.AsDateTime.ToUniversalTime());
        return mapper;
    }

    /// <summary>A date as documents store it: in UTC, an unspecified kind taken as UTC already.</summary>
    public static DateTime AsStored(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
}
