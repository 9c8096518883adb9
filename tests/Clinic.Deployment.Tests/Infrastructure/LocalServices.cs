using Npgsql;

namespace Clinic.Deployment.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL and Redis that stand in for the compose file's <c>postgres</c> and <c>redis</c> services:
/// <c>CLINIC_TEST_POSTGRES</c> (Npgsql connection string) and <c>CLINIC_TEST_REDIS</c> (host:port), as .ci/run exports them.
/// Missing ones skip the test, except in CI (<c>CI=true</c>) where they fail it.
/// </summary>
public sealed record LocalServices(NpgsqlConnectionStringBuilder Postgres, string RedisHost, int RedisPort)
{
    public const string PostgresVariable = "CLINIC_TEST_POSTGRES";
    public const string RedisVariable = "CLINIC_TEST_REDIS";

    public static LocalServices? FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrWhiteSpace(postgres) || string.IsNullOrWhiteSpace(redis))
            return null;
        var colon = redis.LastIndexOf(':');
        return colon < 0
            ? new LocalServices(new NpgsqlConnectionStringBuilder(postgres), redis, 6379)
            : new LocalServices(new NpgsqlConnectionStringBuilder(postgres), redis[..colon], int.Parse(redis[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void SkipOrFailWhenMissing()
    {
        if (FromEnvironment() is not null)
            return;
        var message = $"{PostgresVariable} and {RedisVariable} are not both set, so the apps cannot be started against PostgreSQL and Redis.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " CI must run these tests.");
        Assert.Skip(message);
    }
}
