using Microsoft.Extensions.Hosting;

namespace Clinic.Api.Tests.Infrastructure;

public sealed class ClinicApiOptionsTests
{
    private static ClinicApiOptions Read(params (string Key, string? Value)[] values) => ApiSettingsHost.Read(values);

    [Fact]
    public void WithNothingSetTheApiRunsOnTheEmbeddedDefaults()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-options-test", Guid.NewGuid().ToString("N"));
        var options = Read(("SQLITE_PATH", Path.Combine(folder, "clinic.db")));

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal(ClinicApiOptions.DefaultSecret, options.BotApiSecret);
        // A real clinic's database never gets the demo clinic by default; the all-in-one sandbox asks for it.
        Assert.False(options.SeedDemoData);
        Assert.Equal(1, options.DefaultOrganizationId);
        Assert.Equal((120, 60, 15, 120, 5), (options.MinNoticeMinutes, options.HorizonDays, options.SlotGridMinutes, options.ChangeWindowMinutes, options.HoldMinutes));
        // Reading the settings has no side effects: the folder is made when the database is set up.
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void APostgresUrlSelectsPostgreSqlWithItsParts()
    {
        var options = Read(("DATABASE_URL", "postgres://clinic:s%40cret@db.example.kz:6543/clinic_prod"));

        Assert.Equal(DatabaseProvider.Postgres, options.Provider);
        Assert.Contains("Host=db.example.kz", options.ConnectionString);
        Assert.Contains("Port=6543", options.ConnectionString);
        Assert.Contains("Database=clinic_prod", options.ConnectionString);
        Assert.Contains("Password=s@cret", options.ConnectionString);
    }

    [Fact]
    public void AConnectionStringNamedClinicSelectsPostgreSql()
    {
        var options = Read(("ConnectionStrings:Clinic", "Host=localhost;Database=clinic"));

        Assert.Equal(DatabaseProvider.Postgres, options.Provider);
    }

    [Theory]
    [InlineData("BOOKING_MIN_NOTICE_MINUTES", "two hours")]
    [InlineData("BOOKING_HORIZON_DAYS", "0")]
    [InlineData("SLOT_GRID_MINUTES", "-15")]
    [InlineData("BOOKING_CHANGE_WINDOW_MINUTES", "1.5")]
    [InlineData("BOOKING_HOLD_MINUTES", "forever")]
    [InlineData("DEFAULT_ORGANIZATION_ID", "abc")]
    [InlineData("SEED_DEMO_DATA", "maybe")]
    [InlineData("DATABASE_URL", "postgres://")]
    [InlineData("DATABASE_URL", "this is = not; a=connection=string")]
    [InlineData("PUBLIC_BASE_URL", "clinic.example.kz")]
    [InlineData("PAYMENT_EXPIRY_MINUTES", "half an hour")]
    [InlineData("PAYMENT_POLL_SECONDS", "0")]
    [InlineData("KASPI_BASE_URL", "qrapi.kaspi.kz")]
    [InlineData("KASPI_SCHEME", "r3")]
    [InlineData("KASPI_TIMEOUT_SECONDS", "600")]
    [InlineData("ADMIN_TELEGRAM_IDS", "11,twelve")]
    public async Task AMalformedValueStopsStartupNamingTheVariable(string variable, string value)
    {
        var failure = Assert.Single(await ApiSettingsHost.RefusalAsync((variable, value)));

        Assert.StartsWith(variable + " ", failure);
    }

    [Fact]
    public async Task AMalformedDatabaseUrlIsRefusedWithoutRepeatingItsPassword()
    {
        var failure = Assert.Single(await ApiSettingsHost.RefusalAsync(("DATABASE_URL", "postgres://clinic:pa55-w0rd@")));

        Assert.StartsWith("DATABASE_URL ", failure);
        Assert.DoesNotContain("pa55-w0rd", failure);
    }

    [Fact]
    public async Task OutsideDevelopmentEveryProductionProblemIsNamedAtOnce()
    {
        var failures = await ApiSettingsHost.RefusalAsync(Environments.Production, ("ADMIN_API_TOKEN", "changeme"), ("SLOT_GRID_MINUTES", "1"));

        Assert.Equal(["ADMIN_API_TOKEN", "PUBLIC_BASE_URL", "SLOT_GRID_MINUTES", "TELEGRAM_BOT_API_SECRET"], failures.Select(f => f.Split(' ')[0]).Order());
        Assert.DoesNotContain(failures, f => f.Contains("changeme", StringComparison.Ordinal));
    }
}
