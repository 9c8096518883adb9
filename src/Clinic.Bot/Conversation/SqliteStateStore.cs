using Microsoft.Data.Sqlite;

namespace Clinic.Bot.Conversation;

/// <summary>
/// The embedded default: a SQLite file, so a half-finished booking survives a restart of the bot
/// (aiogram's memory storage loses it). Expired rows are ignored on read and swept on write.
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteStateStore(string path, TimeProvider time)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        _time = time;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS fsm (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS fsm_expires_at ON fsm (expires_at);
            """;
        command.ExecuteNonQuery();
    }

    public Task<string?> GetStateAsync(StateKey key, CancellationToken ct) => Get(key.StateName, ct);

    public Task SetStateAsync(StateKey key, string? state, TimeSpan ttl, CancellationToken ct) => Set(key.StateName, state, ttl, ct);

    public Task<string?> GetDataAsync(StateKey key, CancellationToken ct) => Get(key.DataName, ct);

    public Task SetDataAsync(StateKey key, string? json, TimeSpan ttl, CancellationToken ct) => Set(key.DataName, json, ttl, ct);

    /// <summary>
    /// Deletes the rows (zeroed in the file: <c>secure_delete</c> is on), then checkpoints and truncates the write-ahead
    /// log, whose older frames would otherwise still hold what the user typed.
    /// </summary>
    public async Task ForgetUserAsync(long botId, long userId, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM fsm WHERE key GLOB $pattern";
        command.Parameters.AddWithValue("$pattern", StateKey.UserPattern(botId, userId, "*"));
        await command.ExecuteNonQueryAsync(ct);
        command.Parameters.Clear();
        command.CommandText = "PRAGMA busy_timeout";
        var previous = Convert.ToInt32(await command.ExecuteScalarAsync(ct));
        // The checkpoint waits for readers through SQLite's busy handler; the pooled connection gets its timeout back.
        command.CommandText = $"PRAGMA busy_timeout = 5000; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA busy_timeout = {previous};";
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<string?> Get(string key, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM fsm WHERE key = $key AND expires_at > $now";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeSeconds());
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private async Task Set(string key, string? value, TimeSpan ttl, CancellationToken ct)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var now = _time.GetUtcNow();
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
        if (value is null)
        {
            command.CommandText = "DELETE FROM fsm WHERE key = $key OR expires_at <= $now";
        }
        else
        {
            command.CommandText = """
                INSERT INTO fsm (key, value, expires_at) VALUES ($key, $value, $expires)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
                """;
            command.Parameters.AddWithValue("$value", value);
            command.Parameters.AddWithValue("$expires", (now + ttl).ToUnixTimeSeconds());
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A connection from the pool. In WAL mode <c>synchronous = NORMAL</c> (a setting of the connection, so it is set on
    /// each) still survives a crash of the bot; only a power cut may lose the last answers, and a conversation is cheap to
    /// start again, unlike an fsync on every tap. <c>secure_delete</c> (also per connection) overwrites deleted and
    /// replaced values with zeros, so a finished conversation's IIN or phone does not linger in the file's free space.
    /// </summary>
    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
        return connection;
    }
}
