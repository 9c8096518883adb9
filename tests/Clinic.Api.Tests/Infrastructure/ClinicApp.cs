using Clinic.Api.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Api.Tests.Infrastructure;

/// <summary>
/// The API over one test database, shared by the tests of one class. The clock is a <see cref="FakeTimeProvider"/>
/// that only moves when a test moves it; <see cref="TestClinic"/> is seeded with known doctors and hours.
/// </summary>
public abstract class ClinicApp(ITestDatabase database, bool demoData = false) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Secret = "test-secret-for-the-bot";
    public const string StaffToken = "test-token-for-clinic-staff";

    /// <summary>Monday 1 June 2026, 08:00 in Almaty (UTC+5).</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);

    private int _dayCounter = 1;
    private HttpClient? _api;
    private HttpClient? _staff;

    public ITestDatabase Database => database;
    /// <summary>The secrets this app runs with; an app in the Production environment needs ones a production server accepts.</summary>
    protected virtual string BotSecret => Secret;
    protected virtual string StaffSecret => StaffToken;
    /// <summary>Where this app's document storage keeps files (DOCUMENTS_PATH), removed with the app.</summary>
    public string DocumentsPath { get; } = Path.Combine(Path.GetTempPath(), "clinic-api-tests", "documents-" + Guid.NewGuid().ToString("N"));
    public FakeTimeProvider Clock { get; } = new(Epoch);
    public CapturedLogs Logs { get; } = new();
    public TestClinic Clinic { get; private set; } = null!;
    public bool Available { get; private set; }

    /// <summary>A client that sends the bot's bearer secret.</summary>
    public HttpClient Api
    {
        get
        {
            database.RequireAvailable();
            return _api ??= CreateDefaultClient(new BearerTokenHandler(BotSecret));
        }
    }

    /// <summary>A client that sends the staff token (<c>ADMIN_API_TOKEN</c>).</summary>
    public HttpClient Staff
    {
        get
        {
            database.RequireAvailable();
            return _staff ??= CreateDefaultClient(new BearerTokenHandler(StaffSecret));
        }
    }

    /// <summary>A client without the secret.</summary>
    public HttpClient Anonymous
    {
        get
        {
            database.RequireAvailable();
            return CreateClient();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TELEGRAM_BOT_API_SECRET", BotSecret);
        builder.UseSetting("ADMIN_API_TOKEN", StaffSecret);
        builder.UseSetting("SEED_DEMO_DATA", demoData ? "true" : "false");
        builder.UseSetting("DATABASE_URL", "");
        builder.UseSetting("DOCUMENTS_PATH", DocumentsPath);
        foreach (var (key, value) in database.Settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async ValueTask InitializeAsync()
    {
        if (database is PostgresTestDatabase { IsConfigured: false })
            return;
        if (database is PostgresTestDatabase postgres)
            await postgres.CreateAsync();
        using var scope = Services.CreateScope();
        Clinic = demoData ? TestClinic.None : await TestClinic.SeedAsync(scope.ServiceProvider.GetRequiredService<ClinicDbContext>());
        Available = true;
    }

    /// <summary>A working day (not Sunday) no other test of this class has used, at least two days after the clock's today.</summary>
    public DateOnly NextWorkday()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TestClinic.Almaty).DateTime);
        while (true)
        {
            var day = today.AddDays(Interlocked.Increment(ref _dayCounter));
            if (day.DayOfWeek != DayOfWeek.Sunday)
                return day;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        _staff?.Dispose();
        await base.DisposeAsync();
        await database.DisposeAsync();
        try { Directory.Delete(DocumentsPath, recursive: true); }
        catch (DirectoryNotFoundException) { /* no document was stored */ }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : ClinicApp(new SqliteTestDatabase());

public sealed class PostgresApp() : ClinicApp(new PostgresTestDatabase());

/// <summary>The embedded demo clinic, as a fresh install seeds it.</summary>
public sealed class DemoSqliteApp() : ClinicApp(new SqliteTestDatabase(), demoData: true);

public sealed class DemoPostgresApp() : ClinicApp(new PostgresTestDatabase(), demoData: true);
