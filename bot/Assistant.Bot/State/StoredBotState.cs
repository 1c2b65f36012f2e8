using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Assistant.Bot.State;

/// <summary>
/// The SDK's state scopes with a cheaper change check. The SDK decides whether to save by serialising the whole state
/// to a hash when it loads, again when it saves and once more after writing, on top of our own serialisation for the
/// store: four Newtonsoft passes per scope and turn, about a fifth of the bot's CPU under load (perf). Here the JSON the
/// state was stored as is the baseline, and the one serialisation made at save time is both the check and what is
/// written. Property accessors, ClearStateAsync and DeleteAsync stay the SDK's own.
/// </summary>
internal sealed class StoredState(DocumentStorage storage)
{
    /// <summary>The state object a turn loaded and the JSON it was stored as; a replaced state object counts as changed.</summary>
    private sealed record Baseline(BotState.CachedBotState Loaded, string Json);

    private static readonly string EmptyJson = DocumentStorage.Serialize(new Dictionary<string, object>());

    public async Task LoadAsync(BotState scope, ITurnContext turn, string key, bool force, CancellationToken ct)
    {
        if (!force && scope.GetCachedState(turn)?.State is not null) return;
        var (value, json) = await storage.ReadOneAsync(key, ct);
        var state = value switch
        {
            null => new Dictionary<string, object>(),
            IDictionary<string, object> dictionary => dictionary,
            JObject untyped => untyped.ToObject<Dictionary<string, object>>()!,
            _ => throw new InvalidOperationException($"Stored state {key} is not in the format of bot state."),
        };
        // ClearStateAsync installs a fresh cache entry (the SDK's constructor hashes only the empty dictionary).
        await scope.ClearStateAsync(turn, ct);
        var cached = scope.GetCachedState(turn);
        cached.State = state;
        turn.TurnState[BaselineKey(scope)] = new Baseline(cached, json ?? EmptyJson);
    }

    public async Task SaveAsync(BotState scope, ITurnContext turn, string key, bool force, CancellationToken ct)
    {
        var cached = scope.GetCachedState(turn);
        if (cached?.State is null) return;
        var json = DocumentStorage.Serialize(cached.State);
        if (!force && turn.TurnState.Get<Baseline>(BaselineKey(scope)) is { } baseline && baseline.Loaded == cached && baseline.Json == json)
            return;
        await storage.WriteOneAsync(key, cached.State, json, ct);
        turn.TurnState[BaselineKey(scope)] = new Baseline(cached, json);
    }

    private static string BaselineKey(BotState scope) => $"{scope.GetType().Name}.StoredJson";
}

/// <summary>Conversation state with the stored-JSON change check (<see cref="StoredState"/>).</summary>
public sealed class StoredConversationState(DocumentStorage storage) : ConversationState(storage)
{
    private readonly StoredState _stored = new(storage);

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _stored.LoadAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _stored.SaveAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken);
}

/// <summary>User state with the stored-JSON change check (<see cref="StoredState"/>).</summary>
public sealed class StoredUserState(DocumentStorage storage) : UserState(storage)
{
    private readonly StoredState _stored = new(storage);

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _stored.LoadAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _stored.SaveAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken);
}
