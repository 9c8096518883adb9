using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Data;

/// <summary>PostgreSQL; migrations in Data/Migrations/Postgres (the btree_gist exclusion constraints in OverlapGuards).</summary>
public sealed class PostgresClinicDbContext(DbContextOptions<PostgresClinicDbContext> options) : ClinicDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // btree_gist lets one exclusion constraint combine "same doctor" (=) with "overlapping time" (&&).
        modelBuilder.HasPostgresExtension("btree_gist");
        base.OnModelCreating(modelBuilder);
    }
}
