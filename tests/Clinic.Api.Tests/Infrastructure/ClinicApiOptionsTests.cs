using Microsoft.Extensions.Configuration;

namespace Clinic.Api.Tests.Infrastructure;

public sealed class ClinicApiOptionsTests
{
    private static ClinicApiOptions Read(params (string Key, string Value)[] values) =>
        ClinicApiOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void WithNothingSetTheApiRunsOnTheEmbeddedDefaults()
    {
        var options = Read(("SQLITE_PATH", Path.Combine(Path.GetTempPath(), "clinic-options-test", "clinic.db")));

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal(ClinicApiOptions.DefaultSecret, options.BotApiSecret);
        // A real clinic's database never gets the demo clinic by default; the all-in-one sandbox asks for it.
        Assert.False(options.SeedDemoData);
        Assert.Equal(1, options.DefaultOrganizationId);
        Assert.Equal((120, 60, 15, 120, 5), (options.MinNoticeMinutes, options.HorizonDays, options.SlotGridMinutes, options.ChangeWindowMinutes, options.HoldMinutes));
        Assert.True(Directory.Exists(Path.Combine(Path.GetTempPath(), "clinic-options-test")));
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
    public void AMalformedValueStopsStartupNamingTheVariable(string variable, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read((variable, value)));

        Assert.Contains(variable, error.Message);
    }
}
