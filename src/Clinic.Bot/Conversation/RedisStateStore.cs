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

    /// <summary>The user's private chat directly, then any other chat's keys found by a SCAN of every primary.</summary>
    public async Task ForgetUserAsync(long botId, long userId, CancellationToken ct)
    {
        var privateChat = new StateKey(botId, userId, userId);
        await Db.KeyDeleteAsync([privateChat.StateName, privateChat.DataName]);
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }

            await foreach (var key in server.KeysAsync(database, StateKey.UserPattern(botId, userId, "*")).WithCancellation(ct))
            {
                await Db.KeyDeleteAsync(key);
            }
        }
    }

    private Task Set(string name, string? value, TimeSpan ttl) =>
        value is null ? Db.KeyDeleteAsync(name) : Db.StringSetAsync(name, value, ttl);
}
