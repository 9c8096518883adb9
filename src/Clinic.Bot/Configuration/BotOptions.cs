using System.Globalization;
using Clinic.Contracts;

namespace Clinic.Bot.Configuration;

/// <summary>The bot's settings, read from the seed's environment variable names with the seed's defaults.</summary>
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

    /// <summary>Reads and validates every variable; throws <see cref="BotConfigurationException"/> on the first problem.</summary>
    public static BotOptions From(IConfiguration config)
    {
        var token = config["TELEGRAM_BOT_TOKEN"];
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new BotConfigurationException("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and put it in the environment.");
        }

        // Telegram tokens look like "123456:ABC..."; the bot id before the colon keys the conversation state.
        var colon = token.IndexOf(':');
        if (colon <= 0 || !long.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new BotConfigurationException("TELEGRAM_BOT_TOKEN is malformed: expected \"<bot id>:<secret>\" as issued by @BotFather.");
        }

        var useWebhook = Bool(config, "USE_WEBHOOK", false);
        var webhookUrl = OptionalUri(config, "TELEGRAM_WEBHOOK_URL");
        if (useWebhook && webhookUrl is null)
        {
            throw new BotConfigurationException("TELEGRAM_WEBHOOK_URL is not set: it is required when USE_WEBHOOK=true.");
        }

        var options = new BotOptions
        {
            TelegramBotToken = token.Trim(),
            TelegramBotApiSecret = NonEmpty(config, "TELEGRAM_BOT_API_SECRET", "change-this-secret-in-production"),
            DjangoApiUrl = OptionalUri(config, "DJANGO_API_URL") ?? new Uri("http://backend:8000"),
            RedisHost = string.IsNullOrWhiteSpace(config["REDIS_HOST"]) ? null : config["REDIS_HOST"]!.Trim(),
            RedisPort = Int(config, "REDIS_PORT", 6379, 1, 65535),
            RedisDb = Int(config, "REDIS_DB", 1, 0, 1000),
            UseWebhook = useWebhook,
            TelegramWebhookUrl = webhookUrl,
            TelegramWebhookSecret = NonEmpty(config, "TELEGRAM_WEBHOOK_SECRET", "change-this-webhook-secret"),
            DefaultOrganizationId = Int(config, "DEFAULT_ORGANIZATION_ID", 1, 1, int.MaxValue),
            TelegramApiUrl = OptionalUri(config, "TELEGRAM_API_URL") ?? new Uri("https://api.telegram.org"),
            AdminTelegramIds = IdList(config, "ADMIN_TELEGRAM_IDS"),
            BotStatePath = NonEmpty(config, "BOT_STATE_PATH", Path.Combine("data", "bot-state.db")),
            OutboxRatePerSecond = Int(config, "OUTBOX_RATE_PER_SECOND", 25, 1, 1000),
            OutboxPaidBroadcast = Bool(config, "OUTBOX_PAID_BROADCAST", false),
            OutboxPaidRatePerSecond = Int(config, "OUTBOX_PAID_RATE_PER_SECOND", 1000, 1, 1000),
            OutboxLeaseSeconds = Int(config, "OUTBOX_LEASE_SECONDS", 30, 5, 3600),
        };

        // Telegram only accepts secret tokens of 1-256 characters from A-Z, a-z, 0-9, _ and -.
        if (useWebhook && !options.TelegramWebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new BotConfigurationException("TELEGRAM_WEBHOOK_SECRET is malformed: Telegram allows only letters, digits, '_' and '-'.");
        }

        return options;
    }

    /// <summary>
    /// Outside Development the secrets must be real ones (<see cref="SecretRules"/>): TELEGRAM_BOT_API_SECRET always,
    /// TELEGRAM_WEBHOOK_SECRET in webhook mode. The defaults above are placeholders that only Development accepts.
    /// </summary>
    public void RequireStrongSecrets()
    {
        var problem = SecretRules.Problem("TELEGRAM_BOT_API_SECRET", TelegramBotApiSecret)
            ?? (UseWebhook ? SecretRules.Problem("TELEGRAM_WEBHOOK_SECRET", TelegramWebhookSecret) : null);
        if (problem is not null)
        {
            throw new BotConfigurationException(problem);
        }
    }

    /// <summary>The numeric bot id (the token's prefix), used to key conversation state per bot.</summary>
    public long BotId => long.Parse(TelegramBotToken.AsSpan(0, TelegramBotToken.IndexOf(':')), CultureInfo.InvariantCulture);

    private static string NonEmpty(IConfiguration config, string name, string fallback) =>
        string.IsNullOrWhiteSpace(config[name]) ? fallback : config[name]!.Trim();

    private static int Int(IConfiguration config, string name, int fallback, int min, int max)
    {
        var raw = config[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (!int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BotConfigurationException($"{name} is malformed: expected a whole number from {min} to {max}, got \"{raw}\".");
        }

        return value;
    }

    private static bool Bool(IConfiguration config, string name, bool fallback)
    {
        var raw = config[name]?.Trim().ToLowerInvariant();
        return raw switch
        {
            null or "" => fallback,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new BotConfigurationException($"{name} is malformed: expected true or false, got \"{config[name]}\"."),
        };
    }

    private static Uri? OptionalUri(IConfiguration config, string name)
    {
        var raw = config[name];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (!Uri.TryCreate(raw.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new BotConfigurationException($"{name} is malformed: expected an absolute http(s) URL, got \"{raw}\".");
        }

        return uri;
    }

    private static HashSet<long> IdList(IConfiguration config, string name)
    {
        var ids = new HashSet<long>();
        foreach (var part in (config[name] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                throw new BotConfigurationException($"{name} is malformed: expected comma-separated Telegram user ids, got \"{part}\".");
            }

            ids.Add(id);
        }

        return ids;
    }
}
