using System.Reflection;
using Assistant.Bot.Hosting;
using Assistant.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Assistant.Bot.Tests.Hosting;

/// <summary>
/// /api/messages writes its replies with <see cref="ActivityJsonWriter"/>; the channel must read exactly what the SDK's
/// Newtonsoft serialisation would have given. Every reply the flow tests assert on is checked as well (Conversation).
/// </summary>
public sealed class ActivityJsonWriterTests
{
    [Fact]
    public void An_activity_with_every_property_set_is_written_as_newtonsoft_writes_it()
    {
        var activity = EverythingSet();
        var unset = typeof(Activity).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetValue(activity) is null).Select(p => p.Name).ToList();
        Assert.True(unset.Count == 0, "Set these in the sample too (a newer SDK added them): " + string.Join(", ", unset));

        ReplyJson.AssertWrittenAsNewtonsoftWrites(activity);
        ReplyJson.AssertWrittenAsNewtonsoftWrites(new ExpectedReplies([activity, (Activity)MessageFactory.Text("第二条")]));
    }

    [Fact]
    public void A_reply_as_the_bot_sends_it_keeps_its_chinese_text_readable_and_drops_null_properties()
    {
        var reply = (Activity)MessageFactory.SuggestedActions(new[] { "查询项目", "我要评价" }, "您好！请问需要什么帮助？\n\"引号\" \\ 换行", null, null);
        reply.Locale = "zh-CN";
        var writer = new ActivityJsonWriter(ReplyJson.Newtonsoft);
        var json = System.Text.Encoding.UTF8.GetString(writer.Serialize(new ExpectedReplies([reply])));
        Assert.Equal(0, writer.NewtonsoftWrites); // the common reply is written without Newtonsoft at all

        ReplyJson.AssertWrittenAsNewtonsoftWrites(new ExpectedReplies([reply]));
        Assert.Contains("您好！请问需要什么帮助？", json);
        Assert.DoesNotContain("\"timestamp\"", json);
        Assert.DoesNotContain("\n", json.Replace("\\n", ""), StringComparison.Ordinal); // compact: no indentation
    }

    [Fact]
    public void Values_the_writer_does_not_follow_itself_are_written_by_newtonsoft()
    {
        var value = new JObject
        {
            ["when"] = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc), ["ratio"] = 0.25, ["whole"] = 1.0,
            ["id"] = Guid.Empty, ["nothing"] = JValue.CreateNull(), ["big"] = new JValue(ulong.MaxValue),
        };
        ReplyJson.AssertWrittenAsNewtonsoftWrites(new Activity(ActivityTypes.Event) { Value = value, ChannelData = new Dictionary<string, object> { ["a"] = 1.5 } });
        ReplyJson.AssertWrittenAsNewtonsoftWrites(new Activity(ActivityTypes.Message) { Value = new KeyValuePair<string, int>("k", 1) });
    }

    [Fact]
    public void Text_with_a_lone_surrogate_reaches_the_channel_as_it_did_through_newtonsoft()
    {
        var reply = (Activity)MessageFactory.Text("您说的是“\ud83d”吗？");
        ReplyJson.AssertWrittenAsNewtonsoftWrites(new ExpectedReplies([reply]));
    }

    private static Activity EverythingSet()
    {
        var now = new DateTimeOffset(2026, 11, 25, 18, 30, 15, 123, TimeSpan.FromHours(8));
        var user = new ChannelAccount("u-1", "张三", RoleTypes.User, "aad-1") { Properties = new JObject { ["tenant"] = "t" } };
        var bot = new ChannelAccount("bot", "助手", RoleTypes.Bot);
        var card = new HeroCard("标题", "副标题", "正文", [new CardImage("https://example.org/a.png")],
            [new CardAction(ActionTypes.OpenUrl, "打开", value: "https://example.org")]);
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = "a-1", Timestamp = now, LocalTimestamp = now, LocalTimezone = "Asia/Shanghai", CallerId = "urn:botframework:azure",
            ServiceUrl = "http://127.0.0.1:1", ChannelId = "emulator", From = user, Recipient = bot,
            Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: "c-1", name: "会话", tenantId: "t-1"),
            TextFormat = TextFormatTypes.Markdown, AttachmentLayout = AttachmentLayoutTypes.Carousel,
            MembersAdded = [user], MembersRemoved = [bot], ReactionsAdded = [new MessageReaction("like")], ReactionsRemoved = [],
            TopicName = "主题", HistoryDisclosed = true, Locale = "zh-CN", Text = "您好 <script>alert(1)</script> {\"$gt\":\"\"}",
            Speak = "您好", InputHint = InputHints.AcceptingInput, Summary = "摘要",
            SuggestedActions = new SuggestedActions(["u-1"], [new CardAction(ActionTypes.ImBack, "查询项目", value: "查询项目")]),
            Attachments = [card.ToAttachment(), new Attachment("application/json", content: new JObject { ["n"] = 1, ["f"] = 2.5 }),
                new Attachment("text/plain", content: new { anonymous = "对象", when = now })],
            Entities = [new Entity("mention") { Properties = new JObject { ["text"] = "@助手" } }, new GeoCoordinates(latitude: 31.2, longitude: 121.5)],
            ChannelData = new { tenant = new { id = "t-1" } }, Action = "add", ReplyToId = "r-1", Label = "标签", ValueType = "t",
            Value = new JObject { ["score"] = 5, ["items"] = new JArray("一", 2, true) }, Name = "name", RelatesTo = new ConversationReference("r", user, bot),
            Code = EndOfConversationCodes.CompletedSuccessfully, Expiration = now, Importance = ActivityImportance.High,
            DeliveryMode = DeliveryModes.ExpectReplies, ListenFor = ["是", "否"], TextHighlights = [new TextHighlight("您好", 1)],
            SemanticAction = new SemanticAction { Id = "s-1", Entities = new Dictionary<string, Entity> { ["e"] = new("thing") }, State = "start" },
            Properties = new JObject { ["extra"] = "附加", ["nested"] = new JObject { ["deep"] = new JArray(1, 2) } },
        };
        return activity;
    }
}
