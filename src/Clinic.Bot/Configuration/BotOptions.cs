using System.Globalization;
using Clinic.Contracts;

namespace Clinic.Bot.Configuration;

/// <summary>
/// The bot's settings with the seed's defaults, read from the seed's environment variable names (<see cref="BotSettings"/>)
/// and validated at start (<see cref="BotOptionsSetup"/>).
/// </summary>
public sealed record BotOptions
{
    public required string TelegramBotToken { get; init; }
    public string TelegramBotApiSecret { get; init; } = "change-this-secret-in-production";
    public Uri DjangoApiUrl { get; init; } = new("http://backend:8000");
    public string? RedisHost { get; init; }
    public int RedisPort { get; init; } = 6379;
    public int RedisDb { get; init; } = 1;
    public bool UseWebhook { get; init; }
    public Uri? TelegramWebhookUrl { get; init; }
    public string TelegramWebhookSecret { get; init; } = "change-this-webhook-secret";
    public long DefaultOrganizationId { get; init; } = 1;
    public Uri TelegramApiUrl { get; init; } = new("https://api.telegram.org");
    public IReadOnlySet<long> AdminTelegramIds { get; init; } = new HashSet<long>();
    public string BotStatePath { get; init; } = Path.Combine("data", "bot-state.db");
    /// <summary>Outbox messages per second across all chats (Telegram allows about 30).</summary>
    public int OutboxRatePerSecond { get; init; } = 25;
    /// <summary>Send broadcasts with <c>allow_paid_broadcast</c> (0.1 Star per message) at <see cref="OutboxPaidRatePerSecond"/>.</summary>
    public bool OutboxPaidBroadcast { get; init; }
    public int OutboxPaidRatePerSecond { get; init; } = 1000;
    /// <summary>
    /// How long a claim leases its rows. The sender extends the leases of rows it still holds every third of this, so only a
    /// sender that died leaves rows leased: they are sent again this long after it died.
    /// </summary>
    public int OutboxLeaseSeconds { get; init; } = 30;

    /// <summary>
    /// The typed settings from the bound environment; each malformed value is noted in <paramref name="values"/> (naming
    /// its variable) and replaced by its default, so <see cref="BotSettings.Validator"/> can report them all at start.
    /// </summary>
    public static BotOptions Read(BotSettings settings, SettingValues values)
    {
        var token = SettingValues.Text(settings.TelegramBotToken);
        if (token is null)
            values.Problem("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and put it in the environment.");
        // Telegram tokens look like "123456:ABC..."; the bot id before the colon keys the conversation state.
        else if (TokenBotId(token) is null)
            values.Problem("TELEGRAM_BOT_TOKEN is malformed: expected \"<bot id>:<secret>\" as issued by @BotFather.");

        var useWebhook = values.Bool("USE_WEBHOOK", settings.UseWebhook, false);
        var webhookUrl = values.HttpUrl("TELEGRAM_WEBHOOK_URL", settings.TelegramWebhookUrl);
        if (useWebhook && SettingValues.Text(settings.TelegramWebhookUrl) is null)
            values.Problem("TELEGRAM_WEBHOOK_URL is not set: it is required when USE_WEBHOOK=true.");

        var webhookSecret = SettingValues.Text(settings.TelegramWebhookSecret) ?? "change-this-webhook-secret";
        // Telegram only accepts secret tokens of 1-256 characters from A-Z, a-z, 0-9, _ and -.
        if (useWebhook && !webhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            values.Problem("TELEGRAM_WEBHOOK_SECRET is malformed: Telegram allows only letters, digits, '_' and '-'.");

        return new BotOptions
        {
            TelegramBotToken = token ?? "",
            TelegramBotApiSecret = SettingValues.Text(settings.TelegramBotApiSecret) ?? "change-this-secret-in-production",
            DjangoApiUrl = TrimmedUrl(values.HttpUrl("DJANGO_API_URL", settings.DjangoApiUrl)) ?? new Uri("http://backend:8000"),
            RedisHost = SettingValues.Text(settings.RedisHost),
            RedisPort = values.Int("REDIS_PORT", settings.RedisPort, 6379, 1, 65535),
            RedisDb = values.Int("REDIS_DB", settings.RedisDb, 1, 0, 1000),
            UseWebhook = useWebhook,
            TelegramWebhookUrl = TrimmedUrl(webhookUrl),
            TelegramWebhookSecret = webhookSecret,
            DefaultOrganizationId = values.Int("DEFAULT_ORGANIZATION_ID", settings.DefaultOrganizationId, 1, 1, int.MaxValue),
            TelegramApiUrl = TrimmedUrl(values.HttpUrl("TELEGRAM_API_URL", settings.TelegramApiUrl)) ?? new Uri("https://api.telegram.org"),
            AdminTelegramIds = values.Ids("ADMIN_TELEGRAM_IDS", settings.AdminTelegramIds),
            BotStatePath = SettingValues.Text(settings.BotStatePath) ?? Path.Combine("data", "bot-state.db"),
            OutboxRatePerSecond = values.Int("OUTBOX_RATE_PER_SECOND", settings.OutboxRatePerSecond, 25, 1, 1000),
            OutboxPaidBroadcast = values.Bool("OUTBOX_PAID_BROADCAST", settings.OutboxPaidBroadcast, false),
            OutboxPaidRatePerSecond = values.Int("OUTBOX_PAID_RATE_PER_SECOND", settings.OutboxPaidRatePerSecond, 1000, 1, 1000),
            OutboxLeaseSeconds = values.Int("OUTBOX_LEASE_SECONDS", settings.OutboxLeaseSeconds, 30, 5, 3600),
        };
    }

    /// <summary>
    /// Outside Development the secrets must be real ones (<see cref="SecretRules"/>): TELEGRAM_BOT_API_SECRET always,
    /// TELEGRAM_WEBHOOK_SECRET in webhook mode. The defaults above are placeholders that only Development accepts.
    /// </summary>
    public IEnumerable<string> SecretProblems() =>
        new[]
        {
            SecretRules.Problem("TELEGRAM_BOT_API_SECRET", TelegramBotApiSecret),
            UseWebhook ? SecretRules.Problem("TELEGRAM_WEBHOOK_SECRET", TelegramWebhookSecret) : null,
        }.OfType<string>();

    /// <summary>The numeric bot id (the token's prefix), used to key conversation state per bot.</summary>
    public long BotId => TokenBotId(TelegramBotToken) ?? 0;

    private static long? TokenBotId(string token)
    {
        var colon = token.IndexOf(':');
        return colon > 0 && long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>Without a trailing slash, as the seed wrote its URLs.</summary>
    private static Uri? TrimmedUrl(Uri? url) => url is null ? null : new Uri(url.OriginalString.TrimEnd('/'));
}
