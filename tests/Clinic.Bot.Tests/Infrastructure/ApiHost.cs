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
    private WebApplication? _app;

    public string Url => $"http://127.0.0.1:{_port}";

    public static async Task<ApiHost> StartAsync()
    {
        var host = new ApiHost();
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
