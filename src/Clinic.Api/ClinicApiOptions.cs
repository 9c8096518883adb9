using System.Globalization;

namespace Clinic.Api;

/// <summary>
/// Settings of the clinic API, read from environment variables (or any configuration source with the same keys).
/// <list type="table">
/// <item><term>TELEGRAM_BOT_API_SECRET</term><description>Bearer secret the bot sends on every /api/bot/ call. Default <c>change-this-secret-in-production</c>.</description></item>
/// <item><term>ADMIN_API_TOKEN</term><description>Bearer token of the staff API under /api/admin/. Empty (the default) closes the staff API.</description></item>
/// <item><term>DATABASE_URL</term><description><c>postgres://user:pass@host:port/db</c> or an Npgsql <c>Key=Value</c> string; selects PostgreSQL.</description></item>
/// <item><term>ConnectionStrings__Clinic</term><description>Npgsql connection string; selects PostgreSQL when DATABASE_URL is not set.</description></item>
/// <item><term>SQLITE_PATH</term><description>SQLite file used when no PostgreSQL is configured. Default <c>data/clinic.db</c>; the directory is created.</description></item>
/// <item><term>SEED_DEMO_DATA</term><description>Seed the demo clinic into an empty database. Default <c>true</c>.</description></item>
/// <item><term>DEFAULT_ORGANIZATION_ID</term><description>Organization the bot serves. Default <c>1</c>.</description></item>
/// <item><term>BOOKING_MIN_NOTICE_MINUTES</term><description>Earliest bookable slot is now plus this. Default <c>120</c>.</description></item>
/// <item><term>BOOKING_HORIZON_DAYS</term><description>Latest bookable day, counted from today. Default <c>60</c>.</description></item>
/// <item><term>SLOT_GRID_MINUTES</term><description>Slot start times step. Default <c>15</c>.</description></item>
/// <item><term>BOOKING_CHANGE_WINDOW_MINUTES</term><description>Reschedule and cancel are refused this close to the visit. Default <c>120</c>.</description></item>
/// <item><term>BOOKING_HOLD_MINUTES</term><description>How long a <c>pending</c> hold lasts before it must be confirmed. Default <c>5</c>.</description></item>
/// <item><term>DOCUMENTS_PATH</term><description>Folder where the file-system document storage keeps files. Default <c>data/documents</c>.</description></item>
/// <item><term>PUBLIC_BASE_URL</term><description>Public base URL of the API, printed in documents' QR codes (<c>{PUBLIC_BASE_URL}/verify/{number}</c>). Default <c>http://localhost:5080</c>.</description></item>
/// <item><term>ADMIN_TELEGRAM_IDS</term><description>Comma-separated Telegram user ids allowed on the bot's admin endpoints (/api/bot/admin/). Empty (the default) allows nobody.</description></item>
/// </list>
/// A malformed value stops startup with a message naming the variable.
/// </summary>
public sealed record ClinicApiOptions
{
    public const string DefaultSecret = "change-this-secret-in-production";

    public string BotApiSecret { get; init; } = DefaultSecret;
    public string? AdminApiToken { get; init; }
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; init; } = "Data Source=data/clinic.db";
    public bool SeedDemoData { get; init; } = true;
    public long DefaultOrganizationId { get; init; } = 1;
    public int MinNoticeMinutes { get; init; } = 120;
    public int HorizonDays { get; init; } = 60;
    public int SlotGridMinutes { get; init; } = 15;
    public int ChangeWindowMinutes { get; init; } = 120;
    public int HoldMinutes { get; init; } = 5;
    public string DocumentsPath { get; init; } = "data/documents";
    public Uri PublicBaseUrl { get; init; } = new("http://localhost:5080");
    public IReadOnlySet<long> AdminTelegramIds { get; init; } = new HashSet<long>();

    public static ClinicApiOptions FromConfiguration(IConfiguration config)
    {
        var (provider, connection) = ChooseDatabase(config);
        return new ClinicApiOptions
        {
            BotApiSecret = NonEmpty(config, "TELEGRAM_BOT_API_SECRET") ?? DefaultSecret,
            AdminApiToken = NonEmpty(config, "ADMIN_API_TOKEN"),
            Provider = provider,
            ConnectionString = connection,
            SeedDemoData = Bool(config, "SEED_DEMO_DATA", true),
            DefaultOrganizationId = Int(config, "DEFAULT_ORGANIZATION_ID", 1, 1, int.MaxValue),
            MinNoticeMinutes = Int(config, "BOOKING_MIN_NOTICE_MINUTES", 120, 0, 60 * 24 * 30),
            HorizonDays = Int(config, "BOOKING_HORIZON_DAYS", 60, 1, 366),
            SlotGridMinutes = Int(config, "SLOT_GRID_MINUTES", 15, 5, 240),
            ChangeWindowMinutes = Int(config, "BOOKING_CHANGE_WINDOW_MINUTES", 120, 0, 60 * 24 * 30),
            HoldMinutes = Int(config, "BOOKING_HOLD_MINUTES", 5, 1, 120),
            DocumentsPath = NonEmpty(config, "DOCUMENTS_PATH") ?? "data/documents",
            PublicBaseUrl = HttpUrl(config, "PUBLIC_BASE_URL", "http://localhost:5080"),
            AdminTelegramIds = IdList(config, "ADMIN_TELEGRAM_IDS"),
        };
    }

    private static (DatabaseProvider, string) ChooseDatabase(IConfiguration config)
    {
        var url = NonEmpty(config, "DATABASE_URL");
        if (url is not null)
            return (DatabaseProvider.Postgres, PostgresUrl.ToConnectionString(url, "DATABASE_URL"));
        var clinic = NonEmpty(config, "ConnectionStrings:Clinic");
        if (clinic is not null)
            return (DatabaseProvider.Postgres, clinic);
        var path = NonEmpty(config, "SQLITE_PATH") ?? "data/clinic.db";
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        return (DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True");
    }

    private static string? NonEmpty(IConfiguration config, string key)
    {
        var value = config[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static Uri HttpUrl(IConfiguration config, string key, string fallback)
    {
        var value = NonEmpty(config, key) ?? fallback;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{key} must be an absolute http(s) URL, got '{value}'.");
        return url;
    }

    private static HashSet<long> IdList(IConfiguration config, string key)
    {
        var ids = new HashSet<long>();
        foreach (var part in (config[key] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                throw new InvalidOperationException($"{key} must be comma-separated Telegram user ids, got '{part}'.");
            ids.Add(id);
        }
        return ids;
    }

    private static bool Bool(IConfiguration config, string key, bool fallback)
    {
        var value = NonEmpty(config, key);
        if (value is null) return fallback;
        return value.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new InvalidOperationException($"{key} must be true or false, got '{value}'."),
        };
    }

    private static int Int(IConfiguration config, string key, int fallback, int min, int max)
    {
        var value = NonEmpty(config, key);
        if (value is null) return fallback;
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
            throw new InvalidOperationException($"{key} must be a whole number from {min} to {max}, got '{value}'.");
        return parsed;
    }
}

public enum DatabaseProvider { Sqlite, Postgres }
