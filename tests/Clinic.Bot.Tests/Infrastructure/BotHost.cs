using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Clinic.Bot.Telegram;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>The real bot (AddClinicBot/UseClinicBot, and its /health as Program.cs maps it) in its own web host on a loopback port, configured like in production.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotHost(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="configure">Extra services after the bot's own, e.g. a test's outbox renderer.</param>
    public static async Task<BotHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        if (settings.TryGetValue("USE_WEBHOOK", out var webhook) && webhook == "true")
        {
            builder.Configuration["TELEGRAM_WEBHOOK_URL"] = url;
        }

        builder.AddClinicBot();
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseClinicBot();
        app.MapBotHealth();
        await app.StartAsync();
        return new BotHost(app, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
