using System.Globalization;
using Clinic.Api.Features.Payments.Kaspi;
using Clinic.Contracts;

namespace Clinic.Api;

/// <summary>
/// Settings of the clinic API, read from environment variables (or any configuration source with the same keys).
/// <list type="table">
/// <item><term>TELEGRAM_BOT_API_SECRET</term><description>Bearer secret the bot sends on every /api/bot/ call. Outside Development at least 32 characters and no placeholder (<see cref="SecretRules"/>); in Development the default is <c>change-this-secret-in-production</c>.</description></item>
/// <item><term>ADMIN_API_TOKEN</term><description>Bearer token of the staff API under /api/admin/. Empty (the default) closes the staff API; when set, outside Development, as strong as the bot's secret.</description></item>
/// <item><term>DATABASE_URL</term><description><c>postgres://user:pass@host:port/db</c> or an Npgsql <c>Key=Value</c> string; selects PostgreSQL.</description></item>
/// <item><term>ConnectionStrings__Clinic</term><description>Npgsql connection string; selects PostgreSQL when DATABASE_URL is not set.</description></item>
/// <item><term>SQLITE_PATH</term><description>SQLite file used when no PostgreSQL is configured. Default <c>data/clinic.db</c>; its folder is created at start.</description></item>
/// <item><term>SEED_DEMO_DATA</term><description>Seed the demo clinic into an empty database. Default <c>false</c>; the all-in-one sandbox turns it on.</description></item>
/// <item><term>DEFAULT_ORGANIZATION_ID</term><description>Organization the bot serves. Default <c>1</c>.</description></item>
/// <item><term>BOOKING_MIN_NOTICE_MINUTES</term><description>Earliest bookable slot is now plus this. Default <c>120</c>.</description></item>
/// <item><term>BOOKING_HORIZON_DAYS</term><description>Latest bookable day, counted from today. Default <c>60</c>.</description></item>
/// <item><term>SLOT_GRID_MINUTES</term><description>Slot start times step. Default <c>15</c>.</description></item>
/// <item><term>BOOKING_CHANGE_WINDOW_MINUTES</term><description>Reschedule and cancel are refused this close to the visit. Default <c>120</c>.</description></item>
/// <item><term>BOOKING_HOLD_MINUTES</term><description>How long a <c>pending</c> hold lasts before it must be confirmed. Default <c>5</c>.</description></item>
/// <item><term>DOCUMENTS_PATH</term><description>Folder where the file-system document storage keeps files. Default <c>data/documents</c>.</description></item>
/// <item><term>PUBLIC_BASE_URL</term><description>Public base URL of the API, printed in documents' QR codes (<c>{PUBLIC_BASE_URL}/verify/{number}</c>). Required outside Development; in Development the default is <c>http://localhost:5080</c>.</description></item>
/// <item><term>PAYMENT_EXPIRY_MINUTES</term><description>An unpaid invoice expires this long after it was created. Default <c>30</c>.</description></item>
/// <item><term>PAYMENT_POLL_SECONDS</term><description>How often the background job asks the provider about open invoices. Default <c>15</c>.</description></item>
/// <item><term>KASPI_API_KEY</term><description>Kaspi QR partner API key (<c>Api-Key</c> header). Empty (the default) = the sandbox provider.</description></item>
/// <item><term>KASPI_BASE_URL</term><description>Kaspi QR API base URL. Default <c>https://qrapi-cert-up.kaspi.kz/</c>.</description></item>
/// <item><term>KASPI_SCHEME</term><description><c>basic</c> (r1), <c>standard</c> (r2) or <c>enhanced</c> (r3, the default): the API's path prefix.</description></item>
/// <item><term>KASPI_DEVICE_TOKEN</term><description>The cash desk's <c>DeviceToken</c> sent with every QR.</description></item>
/// <item><term>KASPI_CERT_PATH</term><description>PKCS#12 client certificate from Kaspi, when issued; <c>KASPI_CERT_PASSWORD</c> its password.</description></item>
/// <item><term>KASPI_TIMEOUT_SECONDS</term><description>Timeout of one call to Kaspi, a status poll's retries included. Default <c>15</c>.</description></item>
/// <item><term>REMINDER_OFFSETS</term><description>When visit reminders go out, before the visit: comma-separated durations (<c>30m</c>, <c>2h</c>, <c>1d</c>). Default <c>24h,2h</c>; <c>off</c> plans none.</description></item>
/// <item><term>NPS_SURVEY_DELAY</term><description>How long after a visit is marked fulfilled the satisfaction survey goes out. Default <c>2h</c>.</description></item>
/// <item><term>OUTBOX_MAX_ATTEMPTS</term><description>Send attempts of one outbox message before it is failed for good. Default <c>5</c>.</description></item>
/// <item><term>ADMIN_TELEGRAM_IDS</term><description>Comma-separated Telegram user ids allowed on the bot's admin endpoints (/api/bot/admin/). Empty (the default) allows nobody.</description></item>
/// <item><term>PAYMENTS_SANDBOX</term><description>Offer the sandbox payment page when Kaspi is not configured. Default: on in Development only; elsewhere, without Kaspi, payments are off.</description></item>
/// <item><term>OPENAPI_PUBLIC</term><description>Serve /openapi/v1.json and /scalar. Default: on in Development only.</description></item>
/// <item><term>TRUSTED_PROXIES</term><description>Comma-separated addresses or CIDR networks of reverse proxies whose <c>X-Forwarded-For</c> names the client (for the public routes' rate limit). Empty (the default) trusts no header.</description></item>
/// </list>
/// Bound as text (<see cref="ClinicApiSettings"/>) and validated at start (<see cref="ClinicApiOptionsSetup"/>): each
/// malformed value stops the start with a line naming the variable.
/// </summary>
public sealed record ClinicApiOptions
{
    public const string DefaultSecret = "change-this-secret-in-production";

    public string BotApiSecret { get; init; } = DefaultSecret;
    public string? AdminApiToken { get; init; }
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; init; } = "Data Source=data/clinic.db";
    public bool SeedDemoData { get; init; }
    public long DefaultOrganizationId { get; init; } = 1;
    public int MinNoticeMinutes { get; init; } = 120;
    public int HorizonDays { get; init; } = 60;
    public int SlotGridMinutes { get; init; } = 15;
    public int ChangeWindowMinutes { get; init; } = 120;
    public int HoldMinutes { get; init; } = 5;
    public string DocumentsPath { get; init; } = "data/documents";
    public Uri PublicBaseUrl { get; init; } = new("http://localhost:5080");
    public int PaymentExpiryMinutes { get; init; } = 30;
    public int PaymentPollSeconds { get; init; } = 15;
    public KaspiOptions Kaspi { get; init; } = new();
    public IReadOnlyList<TimeSpan> ReminderOffsets { get; init; } = [TimeSpan.FromHours(24), TimeSpan.FromHours(2)];
    public TimeSpan NpsSurveyDelay { get; init; } = TimeSpan.FromHours(2);
    public int OutboxMaxAttempts { get; init; } = 5;
    public IReadOnlySet<long> AdminTelegramIds { get; init; } = new HashSet<long>();
    /// <summary>Null when not set: the host's environment decides (on in Development).</summary>
    public bool? PaymentsSandbox { get; init; }
    /// <summary>Null when not set: the host's environment decides (on in Development).</summary>
    public bool? OpenApiPublic { get; init; }
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>
    /// The typed settings from the bound environment; each malformed value is noted in <paramref name="values"/> (naming
    /// its variable) and replaced by its default, so <see cref="ClinicApiSettings.Validator"/> can report them all at start.
    /// Reading has no side effects: the SQLite file's folder is created when the database is set up.
    /// </summary>
    public static ClinicApiOptions Read(ClinicApiSettings settings, SettingValues values)
    {
        var (provider, connection) = ChooseDatabase(settings, values);
        return new ClinicApiOptions
        {
            BotApiSecret = SettingValues.Text(settings.BotApiSecret) ?? DefaultSecret,
            AdminApiToken = SettingValues.Text(settings.AdminApiToken),
            Provider = provider,
            ConnectionString = connection,
            SeedDemoData = values.Bool("SEED_DEMO_DATA", settings.SeedDemoData, false),
            DefaultOrganizationId = values.Int("DEFAULT_ORGANIZATION_ID", settings.DefaultOrganizationId, 1, 1, int.MaxValue),
            MinNoticeMinutes = values.Int("BOOKING_MIN_NOTICE_MINUTES", settings.MinNoticeMinutes, 120, 0, 60 * 24 * 30),
            HorizonDays = values.Int("BOOKING_HORIZON_DAYS", settings.HorizonDays, 60, 1, 366),
            SlotGridMinutes = values.Int("SLOT_GRID_MINUTES", settings.SlotGridMinutes, 15, 5, 240),
            ChangeWindowMinutes = values.Int("BOOKING_CHANGE_WINDOW_MINUTES", settings.ChangeWindowMinutes, 120, 0, 60 * 24 * 30),
            HoldMinutes = values.Int("BOOKING_HOLD_MINUTES", settings.HoldMinutes, 5, 1, 120),
            DocumentsPath = SettingValues.Text(settings.DocumentsPath) ?? "data/documents",
            PublicBaseUrl = values.HttpUrl("PUBLIC_BASE_URL", settings.PublicBaseUrl) ?? new Uri("http://localhost:5080"),
            PaymentExpiryMinutes = values.Int("PAYMENT_EXPIRY_MINUTES", settings.PaymentExpiryMinutes, 30, 1, 60 * 24 * 7),
            PaymentPollSeconds = values.Int("PAYMENT_POLL_SECONDS", settings.PaymentPollSeconds, 15, 1, 3600),
            Kaspi = KaspiFrom(settings, values),
            ReminderOffsets = Durations(values, "REMINDER_OFFSETS", settings.ReminderOffsets) ?? [TimeSpan.FromHours(24), TimeSpan.FromHours(2)],
            NpsSurveyDelay = SurveyDelay(values, settings.NpsSurveyDelay),
            OutboxMaxAttempts = values.Int("OUTBOX_MAX_ATTEMPTS", settings.OutboxMaxAttempts, 5, 1, 100),
            AdminTelegramIds = values.Ids("ADMIN_TELEGRAM_IDS", settings.AdminTelegramIds),
            PaymentsSandbox = values.OptionalBool("PAYMENTS_SANDBOX", settings.PaymentsSandbox),
            OpenApiPublic = values.OptionalBool("OPENAPI_PUBLIC", settings.OpenApiPublic),
            TrustedProxies = Networks(values, "TRUSTED_PROXIES", settings.TrustedProxies),
        };
    }

    /// <summary>
    /// Outside Development: the secrets are real ones (<see cref="SecretRules"/>) and PUBLIC_BASE_URL is set, so QR codes
    /// and payment links never point at localhost.
    /// </summary>
    public IEnumerable<string> ProductionProblems(ClinicApiSettings settings) =>
        new[]
        {
            SecretRules.Problem("TELEGRAM_BOT_API_SECRET", BotApiSecret),
            AdminApiToken is null ? null : SecretRules.Problem("ADMIN_API_TOKEN", AdminApiToken),
            SettingValues.Text(settings.PublicBaseUrl) is null
                ? "PUBLIC_BASE_URL is not set: set it to the clinic's public HTTPS address (e.g. https://bot.example.kz); documents' QR codes and payment links are built from it."
                : null,
        }.OfType<string>();

    private static (DatabaseProvider, string) ChooseDatabase(ClinicApiSettings settings, SettingValues values)
    {
        if (SettingValues.Text(settings.DatabaseUrl) is { } url)
            return (DatabaseProvider.Postgres, PostgresUrl.ToConnectionString(url, "DATABASE_URL", values));
        if (SettingValues.Text(settings.ClinicConnectionString) is { } clinic)
            return (DatabaseProvider.Postgres, clinic);
        var path = SettingValues.Text(settings.SqlitePath) ?? "data/clinic.db";
        return (DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True");
    }

    private static KaspiOptions KaspiFrom(ClinicApiSettings settings, SettingValues values)
    {
        var baseUrl = values.HttpUrl("KASPI_BASE_URL", settings.KaspiBaseUrl) ?? new Uri("https://qrapi-cert-up.kaspi.kz/");
        var scheme = SettingValues.Text(settings.KaspiScheme) ?? "enhanced";
        if (!Enum.TryParse<KaspiScheme>(scheme, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(scheme[0]))
        {
            values.Problem($"KASPI_SCHEME is malformed: expected basic, standard or enhanced, got \"{scheme}\".");
            parsed = KaspiScheme.Enhanced;
        }
        return new KaspiOptions
        {
            ApiKey = SettingValues.Text(settings.KaspiApiKey),
            // A trailing slash, so the scheme's prefix is appended to any path the URL has.
            BaseUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"),
            Scheme = parsed,
            DeviceToken = SettingValues.Text(settings.KaspiDeviceToken),
            CertificatePath = SettingValues.Text(settings.KaspiCertPath),
            CertificatePassword = SettingValues.Text(settings.KaspiCertPassword),
            Timeout = TimeSpan.FromSeconds(values.Int("KASPI_TIMEOUT_SECONDS", settings.KaspiTimeoutSeconds, 15, 1, 120)),
        };
    }

    private static TimeSpan SurveyDelay(SettingValues values, string? raw)
    {
        switch (Durations(values, "NPS_SURVEY_DELAY", raw))
        {
            case null:
                return TimeSpan.FromHours(2);
            case [var delay]:
                return delay;
            default:
                values.Problem($"NPS_SURVEY_DELAY is malformed: expected one duration such as 2h, got \"{raw!.Trim()}\".");
                return TimeSpan.FromHours(2);
        }
    }

    /// <summary>
    /// Comma-separated durations with a unit: <c>45m</c>, <c>2h</c>, <c>1d</c> (at most 30 days each); <c>off</c> for none;
    /// null when not set or malformed.
    /// </summary>
    private static IReadOnlyList<TimeSpan>? Durations(SettingValues values, string variable, string? raw)
    {
        if (SettingValues.Text(raw) is not { } text) return null;
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase)) return [];
        var list = new List<TimeSpan>();
        foreach (var part in SettingValues.List(text))
        {
            var unit = part.Length > 1 ? char.ToLowerInvariant(part[^1]) : ' ';
            var ok = int.TryParse(part.AsSpan(0, Math.Max(0, part.Length - 1)), NumberStyles.None, CultureInfo.InvariantCulture, out var amount);
            TimeSpan? value = !ok ? null : unit switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (value is not { } duration || duration > TimeSpan.FromDays(30))
            {
                values.Problem($"{variable} is malformed: expected durations such as 24h,2h (units m, h, d; at most 30d), got \"{text}\".");
                return null;
            }
            list.Add(duration);
        }
        return list.Distinct().OrderDescending().ToList();
    }

    /// <summary>Addresses (<c>10.0.0.5</c>) or networks (<c>172.16.0.0/12</c>), comma separated.</summary>
    private static List<System.Net.IPNetwork> Networks(SettingValues values, string variable, string? raw)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var part in SettingValues.List(raw))
        {
            if (IpNetworks.TryParse(part, out var network))
                networks.Add(network);
            else
                values.Problem($"{variable} is malformed: expected comma-separated IP addresses or CIDR networks, got \"{part}\".");
        }
        return networks;
    }
}

public enum DatabaseProvider { Sqlite, Postgres }
