using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Clinic.Api.Data;

/// <summary>Recognises the constraint violations the API turns into 409 answers, on both providers.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        _ => false,
    };

    /// <summary>The PostgreSQL exclusion constraint (23P01) that keeps one doctor's or patient's active appointments apart.</summary>
    public static string? ExclusionConstraint(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.ExclusionViolation } pg
            ? pg.ConstraintName
            : null;
}
