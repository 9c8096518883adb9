using Clinic.Bot.ClinicApi;
using Clinic.Telegram.Fake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clinic.Bot.Tests.Infrastructure;

/// <summary>
/// The real bot through the fake Telegram against <see cref="SeedApi"/>, the original Django API's 20 routes, with one
/// administrator in ADMIN_TELEGRAM_IDS and the bot's logs recorded. Ready once the bot's start probe has found the seed API.
/// </summary>
public sealed class SeedBotEnvironment : IAsyncLifetime
{
    public const long AdminId = 6_900_000_001;

    private static long _nextUserId = 6_000_000 + Random.Shared.Next(0, 1_000_000) * 10L;

    private readonly string _statePath = Path.Combine(Path.GetTempPath(), $"clinic-bot-seed-state-{Guid.NewGuid():N}.db");

    public SeedApi Api { get; private set; } = null!;
    public FakeTelegramServer Telegram { get; private set; } = null!;
    public BotHost Bot { get; private set; } = null!;
    public LogRecorder Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Api = await SeedApi.StartAsync();
        Telegram = await FakeTelegramServer.StartAsync();
        Bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["TELEGRAM_BOT_TOKEN"] = Telegram.Token,
            ["TELEGRAM_API_URL"] = Telegram.BaseUrl,
            ["DJANGO_API_URL"] = Api.Url,
            ["TELEGRAM_BOT_API_SECRET"] = SeedApi.Secret,
            ["BOT_STATE_PATH"] = _statePath,
            ["USE_WEBHOOK"] = "false",
            ["TELEGRAM_WEBHOOK_SECRET"] = BotEnvironment.WebhookSecret,
            ["ADMIN_TELEGRAM_IDS"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, services => services.AddSingleton<ILoggerProvider>(Logs));
        await Eventually.TrueAsync(() => Bot.Services.GetRequiredService<ApiCapabilities>().IsSeedOnly, "the bot's probe found the seed API");
    }

    public ChatDriver NewUser(string languageCode = "ru", string firstName = "Айгерим") =>
        new(Telegram.CreateUser(Interlocked.Increment(ref _nextUserId), firstName, languageCode), languageCode);

    public ChatDriver Admin() => new(Telegram.FindUser(AdminId) ?? Telegram.CreateUser(AdminId, "Админ", "ru"), "ru");

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Telegram.DisposeAsync();
        await Api.DisposeAsync();
        File.Delete(_statePath);
        GC.SuppressFinalize(this);
    }
}
