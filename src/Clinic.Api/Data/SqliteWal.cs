using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Data;

/// <summary>
/// The write-ahead log keeps every page as it was written until a checkpoint, and a checkpoint only rewinds it: old
/// frames stay in the file. After an erasure the log is checkpointed and truncated to zero bytes, so the erased rows
/// survive nowhere. Waits a little for readers to finish; if they do not, the next successful checkpoint does it.
/// </summary>
public static class SqliteWal
{
    private const int WaitMilliseconds = 5000;

    public static async Task TruncateAsync(ClinicDbContext db, ILogger logger)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
            return;
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            var previous = Convert.ToInt32(await command.ExecuteScalarAsync());
            // The checkpoint waits through SQLite's busy handler, so it gets a timeout of its own (restored for the pool).
            command.CommandText = $"PRAGMA busy_timeout = {WaitMilliseconds}; PRAGMA wal_checkpoint(TRUNCATE);";
            await using (var reader = await command.ExecuteReaderAsync())
            {
                if (await reader.ReadAsync() && reader.GetInt32(0) != 0)
                    logger.LogWarning("The SQLite write-ahead log could not be truncated now (readers were busy); the next checkpoint empties it");
            }
            command.CommandText = $"PRAGMA busy_timeout = {previous};";
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
