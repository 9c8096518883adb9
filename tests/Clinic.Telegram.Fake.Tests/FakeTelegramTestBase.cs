using Telegram.Bot;

namespace Clinic.Telegram.Fake.Tests;

/// <summary>A fresh fake server per test and the real Telegram.Bot client pointed at it over HTTP.</summary>
public abstract class FakeTelegramTestBase : IAsyncLifetime
{
    private readonly HttpClient _http = new();

    protected FakeTelegramServer Server { get; private set; } = null!;
    protected TelegramBotClient Bot { get; private set; } = null!;

    protected virtual FakeTelegramOptions Options => new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Server = await FakeTelegramServer.StartAsync(Options, Ct);
        Bot = CreateClient(Server.Token);
    }

    /// <summary>Built-in 429 retries are off so the tests see Telegram's answers as they are.</summary>
    protected TelegramBotClient CreateClient(string token, string? baseUrl = null) =>
        new(new TelegramBotClientOptions(token, baseUrl ?? Server.BaseUrl) { RetryCount = 0 }, _http);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
        GC.SuppressFinalize(this);
    }
}
