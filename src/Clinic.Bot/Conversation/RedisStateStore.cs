using StackExchange.Redis;

namespace Clinic.Bot.Conversation;

/// <summary>State in Redis: two string keys per conversation, each with its own TTL.</summary>
public sealed class RedisStateStore(IConnectionMultiplexer redis, int database) : IStateStore
{
    private IDatabase Db => redis.GetDatabase(database);

    public async Task<string?> GetStateAsync(StateKey key, CancellationToken ct) => await Db.StringGetAsync(key.StateName);

    public Task SetStateAsync(StateKey key, string? state, TimeSpan ttl, CancellationToken ct) => Set(key.StateName, state, ttl);

    public async Task<string?> GetDataAsync(StateKey key, CancellationToken ct) => await Db.StringGetAsync(key.DataName);

    public Task SetDataAsync(StateKey key, string? json, TimeSpan ttl, CancellationToken ct) => Set(key.DataName, json, ttl);

    private Task Set(string name, string? value, TimeSpan ttl) =>
        value is null ? Db.KeyDeleteAsync(name) : Db.StringSetAsync(name, value, ttl);
}
