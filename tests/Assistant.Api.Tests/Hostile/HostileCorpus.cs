using System.Text;

namespace Assistant.Api.Tests.Hostile;

/// <summary>Malformed and hostile request bodies and query values, each with a name for the failure report.</summary>
public static class HostileCorpus
{
    public sealed record Body(string Name, byte[] Content, string ContentType = "application/json");

    public static readonly string[] Strings =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' OR 1=1 --",
        "'; DROP TABLE projects; --",
        "{\"$gt\":\"\"}",
        "{\"$where\":\"sleep(1000)\"}",
        "$ne",
        "../../../../etc/passwd",
        "%00",
        "\u0000\u0001\u0002",
        "{{7*7}}",
        "${jndi:ldap://127.0.0.1/a}",
        new string('养', 5000),
        string.Concat(Enumerable.Repeat("居家養老服務", 2000)),
        "\uD800",
        "🙂🙂🙂",
        "-1",
        "99999999999999999999999999",
        "NaN",
        "null",
    ];

    /// <summary>Forged, truncated and unsigned credentials: all must be treated as anonymous or refused, never crash.</summary>
    public static readonly string[] AuthorizationHeaders =
    [
        "Bearer",
        "Bearer ",
        "Bearer garbage",
        "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.",
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJl",
        "Basic YWRtaW46ZGVtbw==",
        "Bearer " + new string('A', 20_000),
        "Bearer <script>",
        "Bearer {\"$gt\":\"\"}",
        "Digest username=admin",
        "Bearer 💥",
    ];

    public static IEnumerable<Body> Bodies()
    {
        Body Json(string name, string json) => new(name, Encoding.UTF8.GetBytes(json));
        yield return Json("empty", "");
        yield return Json("whitespace", "   ");
        yield return Json("truncated object", "{\"name\":\"养老");
        yield return Json("truncated array", "[1,2,");
        yield return Json("trailing garbage", "{}}}}");
        yield return Json("single quotes", "{'name':'x'}");
        yield return Json("bare string", "\"hello\"");
        yield return Json("number", "42");
        yield return Json("array instead of object", "[{\"name\":\"x\"}]");
        yield return Json("null literal", "null");
        yield return Json("true literal", "true");
        yield return Json("wrong types everywhere", "{\"username\":1,\"password\":[],\"name\":{},\"score\":\"five\",\"price\":\"很多\",\"budget\":true,\"token\":7,\"idempotencyKey\":{},\"items\":\"x\",\"dimensions\":[1],\"year\":\"2026年\"}");
        yield return Json("unknown enum values", "{\"status\":\"Flying\",\"method\":\"Bribery\",\"kind\":\"Alien\",\"outcome\":99}");
        yield return Json("nosql operators as values", "{\"username\":{\"$gt\":\"\"},\"password\":{\"$ne\":null},\"token\":{\"$regex\":\".*\"},\"id\":{\"$gt\":\"\"}}");
        yield return Json("deep nesting", new string('[', 5000) + new string(']', 5000));
        yield return Json("deep object nesting", string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000));
        yield return Json("huge number", "{\"score\":1e400,\"price\":1e400,\"budget\":-1e400}");
        yield return Json("duplicate keys", "{\"score\":1,\"score\":\"x\"}");
        yield return Json("comment in json", "{/* x */\"a\":1}");
        yield return new Body("invalid utf-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D]);
        yield return new Body("utf-16 bom", [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]);
        yield return new Body("binary noise", Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 256)).ToArray());
        yield return new Body("form instead of json", Encoding.UTF8.GetBytes("a=1&b=2"), "application/x-www-form-urlencoded");
        yield return new Body("xml instead of json", Encoding.UTF8.GetBytes("<a>1</a>"), "application/xml");
        yield return Json("very long chinese text", "{\"text\":\"" + new string('政', 300_000) + "\",\"name\":1}");
        yield return Json("big array", "[" + string.Join(",", Enumerable.Repeat("{\"x\":1}", 50_000)) + "]");
        yield return Json("script tags with wrong types", "{\"name\":\"<script>alert(1)</script>\",\"comment\":\"<b>x</b>\",\"score\":\"<script>\",\"price\":\"<script>\"}");
    }
}
