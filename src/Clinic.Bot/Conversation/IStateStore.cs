namespace Clinic.Bot.Conversation;

/// <summary>
/// Where the conversation state (which step) and its data (what was chosen so far) live, separately and with a TTL.
/// The data is an opaque JSON object the flows own.
/// </summary>
public interface IStateStore
{
    Task<string?> GetStateAsync(StateKey key, CancellationToken ct);
    Task<string?> GetDataAsync(StateKey key, CancellationToken ct);

    /// <summary>Sets the step (null removes it), forgotten after <paramref name="ttl"/> without a new write.</summary>
    Task SetStateAsync(StateKey key, string? state, TimeSpan ttl, CancellationToken ct);

    /// <summary>Sets the collected data (null removes it), forgotten after <paramref name="ttl"/> without a new write.</summary>
    Task SetDataAsync(StateKey key, string? json, TimeSpan ttl, CancellationToken ct);

    /// <summary>
    /// Erases every conversation of this user with this bot, in any chat, so nothing they typed (an IIN, a phone) is left
    /// behind when their account is deleted, not even as stale bytes on disk where the store can prevent it.
    /// </summary>
    Task ForgetUserAsync(long botId, long userId, CancellationToken ct);
}

/// <summary>Writes with the default lifetime (<see cref="StateStoreDefaults.Ttl"/>).</summary>
public static class StateStoreExtensions
{
    public static Task SetStateAsync(this IStateStore store, StateKey key, string? state, CancellationToken ct) =>
        store.SetStateAsync(key, state, StateStoreDefaults.Ttl, ct);

    public static Task SetDataAsync(this IStateStore store, StateKey key, string? json, CancellationToken ct) =>
        store.SetDataAsync(key, json, StateStoreDefaults.Ttl, ct);
}

public static class StateStoreDefaults
{
    /// <summary>A half-finished flow is forgotten after a day of silence, unless its router sets a shorter lifetime.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(24);
}
