namespace Assistant.Bot.Flows;

/// <summary>Users are in China: "today", "明天" and displayed dates are Beijing time whatever the server's zone.</summary>
public static class ChinaTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateTime From(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime chinaLocal) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(chinaLocal, DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(From(clock.GetUtcNow().UtcDateTime));

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China"); }
    }
}
