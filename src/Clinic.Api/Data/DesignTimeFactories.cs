using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Clinic.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build each context without starting the web host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClinicDbContext>
{
    public SqliteClinicDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClinicDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClinicDbContext>
{
    public PostgresClinicDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClinicDbContext>().UseNpgsql("Host=localhost;Database=clinic_design").Options);
}
