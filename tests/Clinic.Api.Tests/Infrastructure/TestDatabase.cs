using Microsoft.Data.Sqlite;
using Npgsql;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>Where one test class's clinic database lives: a temp SQLite file or a fresh PostgreSQL database.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Settings (the API's env variable names) that point the app at this database.</summary>
    IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Skips (or, in CI, fails) the test when the database cannot be used here.</summary>
    void RequireAvailable();
}

public sealed class SqliteTestDatabase : ITestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "clinic-api-tests", Guid.NewGuid().ToString("N"));

    public string Name => "SQLite";

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["SQLITE_PATH"] = Path.Combine(_directory, "clinic.db"),
    };

    public void RequireAvailable() { }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { /* a leftover temp file is harmless */ }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A uniquely named database created from <c>CLINIC_TEST_POSTGRES</c> and dropped afterwards.
/// Without the variable the tests are skipped, except in CI (<c>CI=true</c>) where they fail.
/// </summary>
public sealed class PostgresTestDatabase : ITestDatabase
{
    public const string Variable = "CLINIC_TEST_POSTGRES";
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _database = "clinic_test_" + Guid.NewGuid().ToString("N")[..16];
    private bool _created;

    public string Name => "PostgreSQL";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_server);

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["ConnectionStrings:Clinic"] = new NpgsqlConnectionStringBuilder(_server) { Database = _database, MaxPoolSize = 120 }.ConnectionString,
    };

    public void RequireAvailable()
    {
        if (IsConfigured)
            return;
        var message = $"{Variable} is not set, so the PostgreSQL tests cannot run.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " CI must run them.");
        Assert.Skip(message);
    }

    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await command.ExecuteNonQueryAsync();
        _created = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_created)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
