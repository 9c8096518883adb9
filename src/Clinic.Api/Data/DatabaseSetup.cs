using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Data;

/// <summary>Chooses the provider from <see cref="ClinicApiOptions"/> and brings the schema up to date on startup.</summary>
public static class DatabaseSetup
{
    private static readonly SqliteSecureDelete SecureDelete = new();

    public static IServiceCollection AddClinicDatabase(this IServiceCollection services, ClinicApiOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<PostgresClinicDbContext>(o => o.UseNpgsql(options.ConnectionString));
            services.AddScoped<ClinicDbContext>(sp => sp.GetRequiredService<PostgresClinicDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteClinicDbContext>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(SecureDelete));
            services.AddScoped<ClinicDbContext>(sp => sp.GetRequiredService<SqliteClinicDbContext>());
        }
        services.AddScoped<DemoSeeder>();
        return services;
    }

    /// <summary>Migrates, then seeds the demo clinic into an empty database unless SEED_DEMO_DATA is false.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<ClinicApiOptions>();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            CreateFolderOf(db.Database.GetConnectionString() ?? "");
            // WAL lets readers continue while the single writer books; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(options.SeedDemoData, cancellationToken);
    }

    /// <summary>SQLite creates the file but not its folder (<c>SQLITE_PATH</c>, by default <c>data/</c>).</summary>
    private static void CreateFolderOf(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (file is "" or ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }
}
