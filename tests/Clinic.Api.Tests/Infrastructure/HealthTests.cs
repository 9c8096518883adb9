using System.Net;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary><c>/health</c> is open, checks the database, and tells an outsider nothing about what runs behind it.</summary>
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
}

public sealed class HealthSqliteTests(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

public sealed class HealthPostgresTests(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
