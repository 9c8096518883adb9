using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Telegram.Fake;

/// <summary>
/// A fake Telegram Bot API server on a random loopback port. Point the real bot (or Telegram.Bot's client)
/// at <see cref="BaseUrl"/> with <see cref="Token"/>, then act as users through <see cref="CreateUser"/>.
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeTelegramServer(WebApplication app, FakeTelegramState state, string baseUrl)
    {
        _app = app;
        State = state;
        BaseUrl = baseUrl;
    }

    public FakeTelegramState State { get; }

    /// <summary>E.g. "http://127.0.0.1:41234": what the bot gets as TELEGRAM_API_URL.</summary>
    public string BaseUrl { get; }
    public string Token => State.Token;
    public FakeTelegramOptions Options => State.Options;
    public FakeTelegramCounters Counters => State.Counters;

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The host app's appsettings (a Kestrel section, say) must not reconfigure the fake.
        builder.Configuration.Sources.Clear();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var state = new FakeTelegramState(options);
        app.MapFakeTelegram(state);
        // Telegram answers unknown paths with a JSON 404, which clients can report instead of failing to parse.
        app.MapFallback(() => Results.Json(new { ok = false, error_code = 404, description = "Not Found" }, statusCode: 404));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeTelegramServer(app, state, address.TrimEnd('/'));
    }

    public FakeUser CreateUser(long id, string firstName, string? languageCode = "ru", string? lastName = null) =>
        State.CreateUser(id, firstName, languageCode, lastName);

    public FakeUser? FindUser(long id) => State.FindUser(id);

    public FakeGroup CreateGroup(long id, string title, string type = "supergroup") => State.CreateGroup(id, title, type);

    public IReadOnlyList<BotCommandInfo> GetCommands(string scope = "default", string? languageCode = null) =>
        State.GetCommands(scope, languageCode);

    public async ValueTask DisposeAsync()
    {
        await State.DisposeAsync();
        await _app.DisposeAsync();
    }
}
