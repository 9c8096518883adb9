using Clinic.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>
/// The real clinic API on Kestrel over a temporary SQLite file with the demo clinic. It can be stopped and
/// started again on the same port and file, to play "the API went down". It runs in the Production environment, so its
/// secrets are as long as production requires.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Secret = "test-bot-api-secret-0123456789abcdef";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"clinic-bot-tests-{Guid.NewGuid():N}.db");
    private readonly int _port = FreePort.Next();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private readonly Action<IServiceCollection>? _configure;
    private WebApplication? _app;

    private ApiHost(IReadOnlyDictionary<string, string?>? settings, TimeProvider? clock, Action<IServiceCollection>? configure)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _clock = clock;
        _configure = configure;
    }

    public string Url => $"http://127.0.0.1:{_port}";

    /// <summary>The running API's services, for a test to look into its database after the HTTP calls.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The API is not running.");

    /// <summary>The staff API's token (ADMIN_API_TOKEN), for tests that play the reception.</summary>
    public const string StaffToken = "test-staff-token-0123456789abcdef";

    /// <summary>Where the API files documents (DOCUMENTS_PATH), removed with the host.</summary>
    public string DocumentsPath { get; } = Path.Combine(Path.GetTempPath(), $"clinic-bot-tests-documents-{Guid.NewGuid():N}");

    /// <param name="settings">Extra API settings, e.g. BOOKING_CHANGE_WINDOW_MINUTES.</param>
    /// <param name="clock">The API's clock, e.g. a FakeTimeProvider a test moves past a visit; the system clock when null.</param>
    /// <param name="configure">Extra services after the API's own, e.g. a test's trace exporter.</param>
    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null,
        Action<IServiceCollection>? configure = null)
    {
        var host = new ApiHost(settings, clock, configure);
        await host.StartAgainAsync();
        return host;
    }

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(Url);
        builder.Logging.ClearProviders();
        builder.Configuration["TELEGRAM_BOT_API_SECRET"] = Secret;
        builder.Configuration["SQLITE_PATH"] = _databasePath;
        builder.Configuration["SEED_DEMO_DATA"] = "true";
        builder.Configuration["ADMIN_API_TOKEN"] = StaffToken;
        builder.Configuration["DOCUMENTS_PATH"] = DocumentsPath;
        builder.Configuration["PUBLIC_BASE_URL"] = Url;
        // The host runs in Production (no environment is set), where payments are off unless asked for: the bot pays in the sandbox.
        builder.Configuration["PAYMENTS_SANDBOX"] = "true";
        if (_clock is not null)
        {
            builder.Services.AddSingleton(_clock);
        }

        foreach (var (key, value) in _settings)
        {
            builder.Configuration[key] = value;
        }

        if (_clock is not null)
        {
            builder.Services.AddSingleton(_clock);
        }

        builder.AddClinicApi();
        _configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseClinicApi();
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            if (Directory.Exists(DocumentsPath))
            {
                Directory.Delete(DocumentsPath, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: it lives in the temp folder.
        }

        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A pooled connection may still hold the file for a moment; it lives in the temp folder anyway.
            }
        }
    }
}
