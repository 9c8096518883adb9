using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clinic.Api.Data;

/// <summary>Recognises the constraint violations the API turns into 409 answers, and the failures worth a retry, on both providers.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const string OverlapGuardPrefix = "ex_appointments_";

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    /// <summary>
    /// The name of the overlap guard that refused a write: the PostgreSQL exclusion constraint (23P01)
    /// or the SQLite trigger of the same name. Null for any other failure.
    /// </summary>
    public static string? ExclusionConstraint(DbUpdateException e) => e.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation } pg => pg.ConstraintName,
        SqliteException sqlite when sqlite.Message.IndexOf(OverlapGuardPrefix, StringComparison.Ordinal) is var at and >= 0 =>
            new string(sqlite.Message[at..].TakeWhile(c => char.IsLetterOrDigit(c) || c == '_').ToArray()),
        _ => null,
    };

    /// <summary>
    /// PostgreSQL aborted the transaction to break a deadlock (40P01) or a serialization conflict (40001): nothing of it
    /// was written, and the same work tried again normally succeeds. Overlapping bookings provoke the first, as each
    /// insert waits on the exclusion constraints of the other's rows.
    /// </summary>
    public static bool IsTransient(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            if (inner is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
                return true;
        return false;
    }
}
