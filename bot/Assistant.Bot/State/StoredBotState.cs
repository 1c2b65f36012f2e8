using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;

namespace Assistant.Bot.State;

/// <summary>
/// The SDK's state scopes with a cheaper change check and a cheaper format. The SDK decides whether to save by
/// serialising the whole state to a hash when it loads, again when it saves and once more after writing, on top of the
/// serialisation for the store: four Newtonsoft passes per scope and turn, about a fifth of the bot's CPU under load
/// (perf). Here the JSON the state was stored as is the baseline, and the one serialisation made at save time
/// (<see cref="BotStateJson"/>) is both the check and what is written. Property accessors, ClearStateAsync and
/// DeleteAsync stay the SDK's own.
/// </summary>
internal sealed class StoredState(BotStateStorage storage)
{
    // The JSON each loaded state object was stored as, kept beside the object: a state object replaced during the turn
    // (ClearStateAsync) has none and counts as changed. Not in TurnState: its keys are hashed with culture-aware
    // comparison through ICU, which showed up in profiles of the turn.
    private readonly ConditionalWeakTable<BotState.CachedBotState, string> _storedAs = new();

    public async Task LoadAsync(BotState scope, ITurnContext turn, string key, bool force, CancellationToken ct)
    {
        if (!force && scope.GetCachedState(turn)?.State is not null) return;
        var stored = await storage.ReadStoredAsync(key, ct);
        var state = stored is { } found ? BotStateJson.Read(found.Json) : [];
        if (stored is not null) state[BotStateStorage.ETagKey] = stored.Value.ETag;
        // ClearStateAsync installs a fresh cache entry (the SDK's constructor hashes only the empty dictionary).
        await scope.ClearStateAsync(turn, ct);
        var cached = scope.GetCachedState(turn);
        cached.State = state;
        _storedAs.AddOrUpdate(cached, stored?.Json ?? BotStateJson.Empty);
    }

    public async Task SaveAsync(BotState scope, ITurnContext turn, string key, bool force, CancellationToken ct)
    {
        var cached = scope.GetCachedState(turn);
        if (cached?.State is null) return;
        var json = BotStateJson.Write(cached.State);
        if (!force && _storedAs.TryGetValue(cached, out var stored) && stored == json) return;
        await storage.WriteOneAsync(key, cached.State, json, ct);
        _storedAs.AddOrUpdate(cached, json);
    }
}

/// <summary>Conversation state with the stored-JSON change check (<see cref="StoredState"/>).</summary>
public sealed class StoredConversationState(BotStateStorage storage) : ConversationState(storage)
{
    private readonly StoredState _stored = new(storage);

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _stored.LoadAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _stored.SaveAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken);
}

/// <summary>User state with the stored-JSON change check (<see cref="StoredState"/>).</summary>
public sealed class StoredUserState(BotStateStorage storage) : UserState(storage)
{
    private readonly StoredState _stored = new(storage);

    public override Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _stored.LoadAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken);

    public override Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default) =>
        _stored.SaveAsync(this, turnContext, GetStorageKey(turnContext), force, cancellationToken);
}
