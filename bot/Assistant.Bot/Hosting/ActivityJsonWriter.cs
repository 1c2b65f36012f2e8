using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using JsonProperty = Newtonsoft.Json.Serialization.JsonProperty;
using NewtonsoftSerializer = Newtonsoft.Json.JsonSerializer;

namespace Assistant.Bot.Hosting;

/// <summary>
/// Writes what /api/messages answers with (expectReplies' activities) as the SDK's Newtonsoft settings would, with a
/// <see cref="Utf8JsonWriter"/>. Reflection-driven Newtonsoft was about a tenth of the bot's CPU per turn (ADR 0009).
/// The plan for each type is the contract Newtonsoft itself resolves, so names, order, ignored properties, extension
/// data and null handling are Newtonsoft's; any value whose contract this writer does not follow exactly (converters,
/// default-value handling, dictionaries, dates, enums, floats) is written by Newtonsoft.
/// Equivalence is checked on every reply the flow tests see (<c>Conversation.Expect</c>).
/// </summary>
public sealed class ActivityJsonWriter(NewtonsoftSerializer newtonsoft)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly ConcurrentDictionary<Type, Plan> plans = new();
    private readonly bool followable = newtonsoft.TypeNameHandling == Newtonsoft.Json.TypeNameHandling.None
        && newtonsoft.PreserveReferencesHandling == Newtonsoft.Json.PreserveReferencesHandling.None
        && !newtonsoft.Converters.Any(c => c.CanWrite && new[] { typeof(string), typeof(bool), typeof(int), typeof(long) }.Any(c.CanConvert));

    public byte[] Serialize(object value)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Options)) Write(writer, value);
        return buffer.WrittenSpan.ToArray();
    }

    private void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); return;
            case string text: writer.WriteStringValue(text); return;
            case bool flag: writer.WriteBooleanValue(flag); return;
            case int number: writer.WriteNumberValue(number); return;
            case long number: writer.WriteNumberValue(number); return;
            case JToken token: WriteToken(writer, token); return;
        }
        switch (PlanFor(value.GetType()))
        {
            case ObjectPlan plan: WriteObject(writer, value, plan); return;
            case ListPlan: WriteList(writer, (IEnumerable)value); return;
            default: WriteWithNewtonsoft(writer, value); return;
        }
    }

    private void WriteObject(Utf8JsonWriter writer, object target, ObjectPlan plan)
    {
        writer.WriteStartObject();
        foreach (var (name, property, skipNull) in plan.Properties)
        {
            // As Newtonsoft: the SDK's resolver gives every property a ShouldSerialize (only those with a setter).
            if (property.ShouldSerialize?.Invoke(target) == false || property.GetIsSpecified?.Invoke(target) == false) continue;
            var value = property.ValueProvider!.GetValue(target);
            if (value is null && skipNull) continue;
            writer.WritePropertyName(name);
            Write(writer, value);
        }
        if (plan.Contract.ExtensionDataGetter?.Invoke(target) is { } extensions)
            foreach (var (key, value) in extensions)
            {
                var name = key.ToString()!;
                writer.WritePropertyName(plan.Contract.ExtensionDataNameResolver?.Invoke(name) ?? name);
                Write(writer, value);
            }
        writer.WriteEndObject();
    }

    private void WriteList(Utf8JsonWriter writer, IEnumerable items)
    {
        writer.WriteStartArray();
        foreach (var item in items) Write(writer, item);
        writer.WriteEndArray();
    }

    private void WriteToken(Utf8JsonWriter writer, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties())
                {
                    writer.WritePropertyName(property.Name);
                    WriteToken(writer, property.Value);
                }
                writer.WriteEndObject();
                return;
            case JArray array:
                writer.WriteStartArray();
                foreach (var item in array) WriteToken(writer, item);
                writer.WriteEndArray();
                return;
            case JValue { Type: JTokenType.String, Value: string text }: writer.WriteStringValue(text); return;
            case JValue { Type: JTokenType.Boolean, Value: bool flag }: writer.WriteBooleanValue(flag); return;
            case JValue { Type: JTokenType.Integer, Value: long number }: writer.WriteNumberValue(number); return;
            case JValue { Type: JTokenType.Null }: writer.WriteNullValue(); return;
            default: WriteWithNewtonsoft(writer, token); return;
        }
    }

    /// <summary>Values handed to Newtonsoft so far: the replies the bot sends should need none (tested).</summary>
    public long NewtonsoftWrites => newtonsoftWrites;

    private long newtonsoftWrites;

    private void WriteWithNewtonsoft(Utf8JsonWriter writer, object value)
    {
        Interlocked.Increment(ref newtonsoftWrites);
        using var text = new StringWriter();
        newtonsoft.Serialize(text, value);
        writer.WriteRawValue(text.ToString(), skipInputValidation: true);
    }

    private Plan PlanFor(Type type) => plans.GetOrAdd(type, Resolve);

    private Plan Resolve(Type type)
    {
        var contract = newtonsoft.ContractResolver.ResolveContract(type);
        if (!followable || contract.Converter is not null || contract.InternalConverter is not null
            || contract.OnSerializingCallbacks.Count > 0 || contract.OnSerializedCallbacks.Count > 0
            || newtonsoft.Converters.Any(c => c.CanWrite && c.CanConvert(type)))
            return Plan.Newtonsoft;
        return contract switch
        {
            JsonArrayContract { ItemConverter: null, IsReference: not true } array when !type.IsArray || type.GetArrayRank() == 1 => new ListPlan(),
            JsonObjectContract { ItemConverter: null, IsReference: not true, ItemTypeNameHandling: null, ItemIsReference: null } obj => Follow(obj),
            _ => Plan.Newtonsoft,
        };
    }

    private Plan Follow(JsonObjectContract contract)
    {
        var properties = new List<(string, JsonProperty, bool)>();
        foreach (var property in contract.Properties)
        {
            if (property.Ignored || !property.Readable) continue;
            if (property.Converter is not null || property.ItemConverter is not null || property.TypeNameHandling is not null || property.IsReference is not null
                || (property.DefaultValueHandling ?? newtonsoft.DefaultValueHandling) != Newtonsoft.Json.DefaultValueHandling.Include
                || property.ValueProvider is null || property.PropertyName is null)
                return Plan.Newtonsoft;
            var skipNull = (property.NullValueHandling ?? newtonsoft.NullValueHandling) == Newtonsoft.Json.NullValueHandling.Ignore;
            properties.Add((property.PropertyName, property, skipNull));
        }
        return new ObjectPlan(contract, properties);
    }

    private class Plan
    {
        public static readonly Plan Newtonsoft = new();
    }

    private sealed class ListPlan : Plan;

    private sealed class ObjectPlan(JsonObjectContract contract, List<(string Name, JsonProperty Property, bool SkipNull)> properties) : Plan
    {
        public JsonObjectContract Contract { get; } = contract;
        public List<(string Name, JsonProperty Property, bool SkipNull)> Properties { get; } = properties;
    }
}
