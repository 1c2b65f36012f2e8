using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Newtonsoft.Json.Linq;

namespace Assistant.Bot.State;

/// <summary>
/// The stored form of a state scope (conversation, user): one JSON object with a property per state property, each
/// written by System.Text.Json from its declared type (<see cref="BotStateJsonContext"/>). Newtonsoft with type names,
/// the SDK's way, was the largest part of a turn's state cost (perf); scopes stored that way by earlier versions (a
/// "$type" at the root) are still read through <see cref="BotStateStorage.Deserialize"/> and rewritten in this form
/// on their next change.
/// </summary>
internal static class BotStateJson
{
    public const string Empty = "{}";

    private static readonly Dictionary<string, JsonTypeInfo> Properties = new(StringComparer.Ordinal)
    {
        [nameof(ConversationData)] = BotStateJsonContext.Default.ConversationData,
        [nameof(UserProfile)] = BotStateJsonContext.Default.UserProfile,
    };

    public static Dictionary<string, object> Read(string json)
    {
        if (json.StartsWith("{\"$type\"", StringComparison.Ordinal)) return FromNewtonsoft(BotStateStorage.Deserialize(json));
        // One pass of a reader over the bytes: JsonElement.Deserialize would write each element out and parse it again.
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        var state = new Dictionary<string, object>(StringComparer.Ordinal);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Stored bot state is not a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            // A property this version does not know is kept as it was stored, so a save does not lose it.
            state[name] = Properties.TryGetValue(name, out var type)
                ? JsonSerializer.Deserialize(ref reader, type) ?? throw new JsonException($"State property {name} is null.")
                : JsonElement.ParseValue(ref reader);
        }
        return state;
    }

    /// <summary>The scope's properties (not its ETag, which is the document version) as stored.</summary>
    public static string Write(IDictionary<string, object> state)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in state)
            {
                if (name == BotStateStorage.ETagKey || value is null) continue;
                writer.WritePropertyName(name);
                if (value is JsonElement kept) kept.WriteTo(writer);
                else if (Properties.TryGetValue(name, out var type) && type.Type == value.GetType()) JsonSerializer.Serialize(writer, value, type);
                else throw new InvalidOperationException(
                    $"Bot state property {name} ({value.GetType().Name}) is not declared in BotStateJson: add it there and to BotStateJsonContext.");
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Dictionary<string, object> FromNewtonsoft(object? legacy) => legacy switch
    {
        IDictionary<string, object> dictionary => new Dictionary<string, object>(dictionary, StringComparer.Ordinal),
        JObject untyped => untyped.ToObject<Dictionary<string, object>>()!,
        null => [],
        _ => throw new InvalidOperationException("Stored bot state is not in the format of a state scope."),
    };
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ConversationData))]
[JsonSerializable(typeof(UserProfile))]
internal sealed partial class BotStateJsonContext : JsonSerializerContext;
