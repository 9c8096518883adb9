using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace Clinic.Bot.Tests.Conversation;

/// <summary>One key of the conversation store as it lies there: its value and how long it still lives.</summary>
public sealed record StoredEntry(string Key, string Value, TimeSpan TimeToLive);

/// <summary>
/// Everything the bot's conversation store holds for one chat, read straight from the SQLite file or the Redis database
/// (not through the bot), as an auditor would.
/// </summary>
public static class StoredConversation
{
    public static async Task<IReadOnlyList<StoredEntry>> InSqliteAsync(string path, long chatId)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value, expires_at FROM fsm WHERE key LIKE $pattern AND expires_at > $now";
        command.Parameters.AddWithValue("$pattern", $"fsm:%:{chatId}:%");
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var entries = new List<StoredEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var expires = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2));
            entries.Add(new StoredEntry(reader.GetString(0), reader.GetString(1), expires - DateTimeOffset.UtcNow));
        }

        return entries;
    }

    public static async Task<IReadOnlyList<StoredEntry>> InRedisAsync(string address, int database, long chatId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(address);
        var db = redis.GetDatabase(database);
        var entries = new List<StoredEntry>();
        foreach (var key in redis.GetServers()[0].Keys(database, $"fsm:*:{chatId}:*"))
        {
            var value = await db.StringGetAsync(key);
            var ttl = await db.KeyTimeToLiveAsync(key);
            if (value.HasValue)
            {
                entries.Add(new StoredEntry(key!, value!, ttl ?? TimeSpan.MaxValue));
            }
        }

        return entries;
    }
}
