using System.Text;
using Assistant.Bot.Hosting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Assistant.Bot.Tests.Infrastructure;

/// <summary>What /api/messages writes (<see cref="ActivityJsonWriter"/>) against what the SDK's Newtonsoft settings write.</summary>
public static class ReplyJson
{
    /// <summary>The SDK's settings, compact, as /api/messages uses them.</summary>
    public static readonly JsonSerializer Newtonsoft = BotFrameworkAdapter.Compact;

    public static ActivityJsonWriter Writer { get; } = new(Newtonsoft);

    /// <summary>Fails with both JSON texts when the writer and Newtonsoft disagree on <paramref name="body"/>.</summary>
    public static void AssertWrittenAsNewtonsoftWrites(object body)
    {
        using var text = new StringWriter();
        Newtonsoft.Serialize(text, body);
        // Compared as the channel receives it: UTF-8 (a lone surrogate becomes U+FFFD either way).
        var expected = JToken.Parse(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text.ToString())));
        var written = Encoding.UTF8.GetString(Writer.Serialize(body));
        Assert.True(JToken.DeepEquals(expected, JToken.Parse(written)), $"Newtonsoft:\n{expected}\nActivityJsonWriter:\n{written}");
    }
}
