using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Assistant.Bot.State;

/// <summary>
/// Bot Framework <see cref="IStorage"/> over the bot's <see cref="IStateRecords"/>, so state survives restarts and, on
/// MongoDB, is shared by every bot instance behind a load balancer. ETag = record version: a write that carries an
/// ETag other than "*" succeeds only if nobody wrote in between (else it throws, as MemoryStorage does).
/// The SDK's dictionary state (ConversationState/UserState) carries its ETag under the "eTag" key.
/// The registered state scopes (<see cref="StoredConversationState"/>, <see cref="StoredUserState"/>) store their own
/// JSON (<see cref="BotStateJson"/>) through <see cref="ReadStoredAsync"/> and <see cref="WriteOneAsync"/>; values
/// written through <see cref="IStorage"/> itself are Newtonsoft JSON, read back as stored.
/// </summary>
public sealed class BotStateStorage(IStateRecords records) : IStorage
{
    public const string ETagKey = "eTag";

    private static readonly JsonSerializerSettings Settings = new()
    {
        // Type names only where the declared type does not say it (the SDK's state is a dictionary of objects):
        // smaller documents and faster reads than on every list and dictionary. Documents written with All still read.
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = new AllowedTypesBinder(),
        NullValueHandling = NullValueHandling.Ignore,
    };

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>();
        foreach (var key in keys.Distinct())
        {
            if (await ReadStoredAsync(key, cancellationToken) is not { } stored || Deserialize(stored.Json) is not { } value) continue;
            switch (value)
            {
                case IStoreItem item: item.ETag = stored.ETag; break;
                case IDictionary<string, object> dictionary: dictionary[ETagKey] = stored.ETag; break;
            }
            result[key] = value;
        }
        return result;
    }

    /// <summary>The stored JSON of one key and its ETag, unparsed; null when nothing is stored.</summary>
    public async Task<(string Json, string ETag)?> ReadStoredAsync(string key, CancellationToken cancellationToken = default) =>
        await records.ReadAsync(key, cancellationToken) is { } stored
            ? (stored.Json, stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <summary>A value as <see cref="IStorage"/> writes it: Newtonsoft with type names only where needed.</summary>
    public static object? Deserialize(string json) => JsonConvert.DeserializeObject(json, Settings);

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes) await WriteOneAsync(key, value, Serialize(value), cancellationToken);
    }

    /// <summary>Stores <paramref name="json"/>, the stored form of <paramref name="value"/>, under the value's ETag rules.</summary>
    public async Task WriteOneAsync(string key, object value, string json, CancellationToken cancellationToken = default)
    {
        var etag = ETagOf(value);
        long? expected = null;
        if (etag is not (null or "*"))
        {
            expected = long.TryParse(etag, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
                ? version
                : throw new ArgumentException($"Etag conflict: '{etag}' is not an ETag this storage issued (key {key}).");
        }
        var stored = await records.WriteAsync(key, json, expected, cancellationToken)
            ?? throw new ArgumentException($"Etag conflict: key {key} was changed by another turn or instance.");
        // The SDK keeps the same dictionary for the rest of the turn: a second save must carry the new ETag.
        if (value is IDictionary<string, object> saved)
            saved[ETagKey] = stored.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys) await records.DeleteAsync(key, cancellationToken);
    }

    private static string? ETagOf(object value) => value switch
    {
        IStoreItem item => item.ETag,
        IDictionary<string, object> dictionary when dictionary.TryGetValue(ETagKey, out var etag) => etag?.ToString(),
        _ => null,
    };

    private static string Serialize(object value)
    {
        if (value is IDictionary<string, object> dictionary && dictionary.ContainsKey(ETagKey))
        {
            // The ETag lives in the document version, not in the stored value.
            value = dictionary.Where(p => p.Key != ETagKey).ToDictionary(p => p.Key, p => p.Value);
        }
        return JsonConvert.SerializeObject(value, typeof(object), Settings);
    }

    /// <summary>Type names in stored JSON are only honoured for our own, the SDK's and plain collection types.</summary>
    private sealed class AllowedTypesBinder : DefaultSerializationBinder
    {
        private static readonly string[] AllowedAssemblyPrefixes = ["Assistant.", "Microsoft.Bot.", "System.Private.CoreLib", "System.Collections", "Newtonsoft.Json", "mscorlib"];

        public override Type BindToType(string? assemblyName, string typeName)
        {
            if (assemblyName is not null && !AllowedAssemblyPrefixes.Any(prefix => assemblyName.StartsWith(prefix, StringComparison.Ordinal)))
                throw new JsonSerializationException($"Type {typeName} from {assemblyName} is not allowed in bot state.");
            return base.BindToType(assemblyName, typeName);
        }
    }
}
