using Assistant.Bot.DirectLine;
using Assistant.Bot.Reminders;
using Assistant.Platform.Storage;

namespace Assistant.Bot.State;

/// <summary>The bot process's own collections (its own embedded store, or the shared MongoDB database).</summary>
public static class BotSchema
{
    public static void Declare(StoreSchema schema)
    {
        schema.Collection<BotStateDocument>("bot_state");
        schema.Collection<DirectLineConversation>("directline_conversations");
        schema.Collection<DirectLineActivity>("directline_activities")
            .Index("conversation", a => a.ConversationId);
        schema.Collection<DirectLineKey>("directline_keys");
        schema.Collection<Reminder>("bot_reminders")
            .Index("due", r => r.DueAt);
    }
}
