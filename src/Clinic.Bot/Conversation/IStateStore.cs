namespace Clinic.Bot.Conversation;

/// <summary>
/// Where the conversation state (which step) and its data (what was chosen so far) live, separately and with a TTL.
/// The data is an opaque JSON object the flows own.
/// </summary>
public interface IStateStore
{
    Task<string?> GetStateAsync(StateKey key, CancellationToken ct);
    Task SetStateAsync(StateKey key, string? state, CancellationToken ct);
    Task<string?> GetDataAsync(StateKey key, CancellationToken ct);
    Task SetDataAsync(StateKey key, string? json, CancellationToken ct);
}

public static class StateStoreDefaults
{
    /// <summary>A half-finished flow is forgotten after a day of silence.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(24);
}
