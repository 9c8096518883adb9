using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api;
using Clinic.Api.Data;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Clinic.Bench.Broadcasts;

/// <summary>
/// Time to start a broadcast to N patients: the staff API's <c>start</c> call, which plans one outbox row per recipient
/// in one transaction. The API runs in-process over a test server on a fresh database (SQLite file, or PostgreSQL
/// with <c>--postgres "Host=…;Username=…;Password=…;Database=postgres"</c>). Target: 100,000 rows in under 5 s.
/// Options: --patients (100000), --postgres (none: SQLite).
/// </summary>
public sealed class BroadcastPlanBenchmark : IBenchCommand
{
    private const double TargetSeconds = 5;
    private const string StaffToken = Loopback.ApiServer.StaffToken;

    public string Name => "broadcast-plan";

    public string Description => "Broadcast start: plan the outbox rows for 100,000 patients (SQLite, or --postgres)";

    public async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var patients = options.GetPositiveInt("patients", 100_000);
        var postgres = options.GetString("postgres", "");
        await using var database = await BenchDatabase.CreateAsync(postgres, cancellationToken);

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        foreach (var (key, value) in database.Settings)
            builder.Configuration[key] = value;
        builder.Configuration["ADMIN_API_TOKEN"] = StaffToken;
        builder.Configuration["SEED_DEMO_DATA"] = "true";
        builder.Configuration["TELEGRAM_BOT_API_SECRET"] = Loopback.ApiServer.Secret;
        builder.Configuration["PUBLIC_BASE_URL"] = "https://clinic.example";
        builder.AddClinicApi();
        await using var app = builder.Build();
        app.UseClinicApi();
        await app.StartAsync(cancellationToken);
        var staff = app.GetTestClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);

        var seeding = Stopwatch.StartNew();
        await SeedAsync(app.Services, patients, cancellationToken);
        Console.WriteLine($"seeded:   {patients:N0} opted-in patients in {seeding.Elapsed.TotalSeconds:F1} s ({database.Name})");

        var preview = await staff.PostAsJsonAsync("/api/admin/broadcasts/audience/", new AudiencePreviewRequest(null), ClinicJson.Options, cancellationToken);
        var audience = (await preview.Content.ReadFromJsonAsync<AudiencePreviewDto>(ClinicJson.Options, cancellationToken))!.Count;
        var created = await staff.PostAsJsonAsync("/api/admin/broadcasts/",
            new BroadcastCreateRequest("<b>Весенние скидки</b> на все анализы до 31 мая", ButtonText: "Подробнее", ButtonUrl: "https://example.kz/spring"),
            ClinicJson.Options, cancellationToken);
        var draft = (await created.Content.ReadFromJsonAsync<BroadcastDto>(ClinicJson.Options, cancellationToken))!;

        var timer = Stopwatch.StartNew();
        var started = await staff.PostAsJsonAsync($"/api/admin/broadcasts/{draft.Id}/start/", new BroadcastStartRequest(), ClinicJson.Options, cancellationToken);
        var seconds = timer.Elapsed.TotalSeconds;
        var result = (await started.Content.ReadFromJsonAsync<BroadcastDto>(ClinicJson.Options, cancellationToken))!;

        var met = result.Stats.Audience == patients && audience == patients && seconds < TargetSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            preview:  {audience:N0} recipients
            planned:  {result.Stats.Audience:N0} outbox rows in {seconds:F2} s ({result.Stats.Audience / seconds:N0} rows/s), one INSERT … SELECT in the start transaction
            target:   all {patients:N0} planned in < {TargetSeconds} s: {(met ? "met" : "NOT met")}
            """));
        await app.StopAsync(cancellationToken);
        return met ? 0 : 1;
    }

    private static async Task SeedAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        const int batch = 5_000;
        var now = DateTime.UtcNow;
        Language[] languages = [Language.Ru, Language.Kk, Language.En];
        for (var start = 0; start < count; start += batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + batch); i++)
                db.Patients.Add(new Patient
                {
                    OrganizationId = 1, TelegramId = 1_000_000_000L + i, Language = languages[i % 3], Sex = i % 2 == 0 ? Sex.Female : Sex.Male,
                    BirthDate = new DateOnly(1950 + i % 55, 1 + i % 12, 1 + i % 28), NewsOptIn = true, CreatedAtUtc = now, UpdatedAtUtc = now,
                });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A throwaway database: a SQLite file in the temp folder, or a uniquely named PostgreSQL database.</summary>
    private sealed class BenchDatabase : IAsyncDisposable
    {
        private readonly string? _postgresServer;
        private readonly string _name;

        private BenchDatabase(string? postgresServer, string name, Dictionary<string, string> settings)
        {
            _postgresServer = postgresServer;
            _name = name;
            Settings = settings;
        }

        public Dictionary<string, string> Settings { get; }
        public string Name => _postgresServer is null ? "SQLite" : "PostgreSQL";

        public static async Task<BenchDatabase> CreateAsync(string postgres, CancellationToken cancellationToken)
        {
            var name = "clinic_bench_" + Guid.NewGuid().ToString("N")[..12];
            if (string.IsNullOrEmpty(postgres))
            {
                var path = Path.Combine(Path.GetTempPath(), name + ".db");
                return new BenchDatabase(null, path, new() { ["SQLITE_PATH"] = path, ["DATABASE_URL"] = "" });
            }
            await using (var connection = new NpgsqlConnection(postgres))
            {
                await connection.OpenAsync(cancellationToken);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            var target = new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ConnectionString;
            return new BenchDatabase(postgres, name, new() { ["DATABASE_URL"] = target });
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgresServer is null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_name)!, Path.GetFileName(_name) + "*"))
                    File.Delete(file);
                return;
            }
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
