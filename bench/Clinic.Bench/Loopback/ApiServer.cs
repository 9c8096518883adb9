using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Clinic.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Clinic.Bench.Loopback;

/// <summary>
/// The real clinic API (AddClinicApi/UseClinicApi) on Kestrel at 127.0.0.1 on a free port, seeded with the demo
/// clinic, over a temporary SQLite file or a uniquely named PostgreSQL database that is dropped afterwards.
/// Logging is off: the console belongs to the figures.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public const string Secret = "bench-bot-api-secret-0123456789abcdef";
    public const string StaffToken = "bench-staff-token-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly Func<Task> _cleanup;

    private ApiServer(WebApplication app, string url, string database, Func<Task> cleanup)
    {
        _app = app;
        Url = url;
        Database = database;
        _cleanup = cleanup;
    }

    public string Url { get; }

    /// <summary>The API's services, for arranging data faster than its routes allow (e.g. 10,000 patients).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>"SQLite" or "PostgreSQL".</summary>
    public string Database { get; }

    public static Task<ApiServer> StartSqliteAsync(CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return StartAsync("SQLite", new Dictionary<string, string?> { ["SQLITE_PATH"] = Path.Combine(folder, "clinic.db") }, folder, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return Task.CompletedTask;
        }, ct);
    }

    /// <param name="server">An Npgsql connection string to a server where a database may be created (CLINIC_TEST_POSTGRES).</param>
    public static async Task<ApiServer> StartPostgresAsync(string server, CancellationToken ct)
    {
        var name = "clinic_bench_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"", ct);
        var folder = Path.Combine(Path.GetTempPath(), "clinic-bench-" + Guid.NewGuid().ToString("N"));
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 120 }.ConnectionString;
        return await StartAsync("PostgreSQL", new Dictionary<string, string?> { ["ConnectionStrings:Clinic"] = connection }, folder, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }, ct);
    }

    private static async Task<ApiServer> StartAsync(string database, Dictionary<string, string?> settings, string folder, Func<Task> cleanup, CancellationToken ct)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Configuration["TELEGRAM_BOT_API_SECRET"] = Secret;
        builder.Configuration["ADMIN_API_TOKEN"] = StaffToken;
        builder.Configuration["SEED_DEMO_DATA"] = "true";
        builder.Configuration["PUBLIC_BASE_URL"] = url;
        builder.Configuration["DATABASE_URL"] = "";
        builder.Configuration["DOCUMENTS_PATH"] = Path.Combine(folder, "documents");
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddClinicApi();
        var app = builder.Build();
        app.UseClinicApi();
        await app.StartAsync(ct);
        return new ApiServer(app, url, database, cleanup);
    }

    /// <summary>A client with the bot's bearer secret and up to <paramref name="connections"/> pooled connections.</summary>
    public HttpClient BotClient(int connections = 64)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(Url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        return http;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            await _cleanup();
        }
        catch (Exception error) when (error is IOException or NpgsqlException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cleanup: {error.Message}");
        }
    }
}
