using Clinic.Api.Data;
using Clinic.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Data;

/// <summary>
/// The migrations build the model's schema, all of it: one generated <c>Initial</c>, then the guard SQL EF cannot
/// generate in <c>OverlapGuards</c>, and nothing in the model that no migration holds.
/// </summary>
public abstract class MigrationsTests(ClinicApp app) : ApiTest(app)
{
    [Fact]
    public void The_model_has_no_change_that_no_migration_holds()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "run dotnet ef migrations add for both providers (docs/architecture.md)");
    }

    [Fact]
    public async Task A_fresh_database_is_built_by_Initial_then_OverlapGuards_and_nothing_is_left_pending()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();

        var applied = (await db.Database.GetAppliedMigrationsAsync(Cancel)).ToList();

        Assert.Equal(["Initial", "OverlapGuards"], applied.Take(2).Select(NameOf));
        Assert.Equal(db.Database.GetMigrations(), applied);
    }

    /// <summary>A migration id is its timestamp, an underscore and its name.</summary>
    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_') + 1)..];
}

public sealed class MigrationsOnSqliteTests(SqliteApp app) : MigrationsTests(app), IClassFixture<SqliteApp>;

public sealed class MigrationsOnPostgresTests(PostgresApp app) : MigrationsTests(app), IClassFixture<PostgresApp>;
