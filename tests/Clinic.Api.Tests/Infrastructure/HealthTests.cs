using System.Net;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// <c>/health</c> is open, checks the database, and tells an outsider nothing about what runs behind it; <c>/health/live</c>
/// asks nothing but the process, <c>/health/ready</c> the database, and <c>/health</c> answers as ready does.
/// </summary>
public abstract class HealthTests(ClinicApp app) : ApiTest(app)
{
    [Fact]
    public async Task Health_is_open_and_answers_ok_without_naming_the_database()
    {
        var response = await App.Anonymous.GetAsync(Routes.Health, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", body);
    }

    [Theory]
    [InlineData(Routes.HealthLive)]
    [InlineData(Routes.HealthReady)]
    public async Task Liveness_and_readiness_answer_ok_while_the_database_is_there(string route)
    {
        var response = await App.Anonymous.GetAsync(route, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync(Cancel));
    }
}

public sealed class HealthSqliteTests(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

public sealed class HealthPostgresTests(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;

/// <summary>An API whose database went away (the SQLite file deleted, the PostgreSQL database dropped): alive, not ready.</summary>
public abstract class LostDatabaseHealthTests
{
    protected abstract ClinicApp NewApp();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_its_database_the_api_is_live_but_not_ready_and_health_answers_as_ready_naming_nothing()
    {
        await using var app = NewApp();
        await app.InitializeAsync();
        using var client = app.Anonymous;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Routes.HealthReady, Cancel)).StatusCode);

        // Dropping the test database is what losing it looks like: the file or the PostgreSQL database is gone.
        await app.Database.DisposeAsync();

        var live = await client.GetAsync(Routes.HealthLive, Cancel);
        var ready = await client.GetAsync(Routes.HealthReady, Cancel);
        var health = await client.GetAsync(Routes.Health, Cancel);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("""{"status":"unavailable"}""", await ready.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("""{"status":"unavailable"}""", await health.Content.ReadAsStringAsync(Cancel));
    }
}

public sealed class LostDatabaseHealthSqliteTests : LostDatabaseHealthTests
{
    protected override ClinicApp NewApp() => new SqliteApp();
}

public sealed class LostDatabaseHealthPostgresTests : LostDatabaseHealthTests
{
    protected override ClinicApp NewApp() => new PostgresApp();
}
