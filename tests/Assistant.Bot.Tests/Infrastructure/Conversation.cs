using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace Assistant.Bot.Tests.Infrastructure;

/// <summary>A TestFlow over a fresh conversation, with replies checked by the fragments they must contain.</summary>
public static class Conversation
{
    public static TestFlow Start(BotHostFixture host, string? user = null)
    {
        var reference = TestAdapter.CreateConversation(Guid.NewGuid().ToString("N"), user ?? "user-" + Guid.NewGuid().ToString("N")[..8]);
        var adapter = new TestAdapter(reference);
        return new TestFlow(adapter, host.CreateBot());
    }

    public static TestFlow Expect(this TestFlow flow, params string[] fragments) =>
        flow.AssertReply(activity =>
        {
            var text = Describe(activity);
            foreach (var fragment in fragments) Assert.True(text.Contains(fragment), $"Expected “{fragment}” in reply:\n{text}");
        }, timeout: 15000);

    public static TestFlow ExpectAny(this TestFlow flow, params string[] alternatives) =>
        flow.AssertReply(activity =>
        {
            var text = Describe(activity);
            Assert.True(alternatives.Any(text.Contains), $"Expected one of [{string.Join(" | ", alternatives)}] in reply:\n{text}");
        }, timeout: 15000);

    /// <summary>Text, suggested actions and card titles, as a user would read them.</summary>
    public static string Describe(IActivity activity)
    {
        // Every reply a flow test sees is also one /api/messages would write: check the writer on all of them.
        ReplyJson.AssertWrittenAsNewtonsoftWrites(activity);
        var message = activity.AsMessageActivity();
        if (message is null) return $"[{activity.Type}]";
        var parts = new List<string> { message.Text ?? "" };
        if (message.SuggestedActions?.Actions is { } actions) parts.Add("[按钮] " + string.Join(" / ", actions.Select(a => a.Title)));
        foreach (var attachment in message.Attachments ?? [])
            if (attachment.Content is HeroCard card) parts.Add($"[卡片] {card.Title} | {card.Subtitle} | {card.Buttons?.FirstOrDefault()?.Value}");
        return string.Join("\n", parts);
    }
}
