using Clinic.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>
/// The real clinic API on Kestrel over a temporary SQLite file with the demo clinic. It can be stopped and
/// started again on the same port and file, to play "the API went down".
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Secret = "test-bot-api-secret";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"clinic-bot-tests-{Guid.NewGuid():N}.db");
    private readonly int _port = FreePort.Next();
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private WebApplication? _app;

    private ApiHost(IReadOnlyDictionary<string, string?>? settings) => _settings = settings ?? new Dictionary<string, string?>();

    public string Url => $"http://127.0.0.1:{_port}";

    /// <summary>The running API's services, for tests that arrange data the bot cannot create (e.g. news subscribers).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The API is not running.");

    /// <param name="settings">Extra API settings, e.g. BOOKING_CHANGE_WINDOW_MINUTES.</param>
    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new ApiHost(settings);
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
        foreach (var (key, value) in _settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddClinicApi();
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
