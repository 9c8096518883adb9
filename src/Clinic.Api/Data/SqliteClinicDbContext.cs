using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Data;

/// <summary>The embedded default; migrations in Data/Migrations/Sqlite (the overlap triggers in OverlapGuards).</summary>
public sealed class SqliteClinicDbContext(DbContextOptions<SqliteClinicDbContext> options) : ClinicDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
