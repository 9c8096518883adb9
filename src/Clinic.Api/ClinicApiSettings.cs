using Clinic.Contracts;
using Microsoft.Extensions.Options;

namespace Clinic.Api;

/// <summary>
/// The API's environment variables as operators write them, bound by name from configuration (<c>Bind</c>). What each
/// means and its default is <see cref="ClinicApiOptions"/>'s; <see cref="Validator"/> refuses a bad value at start.
/// </summary>
public sealed class ClinicApiSettings
{
    [ConfigurationKeyName("TELEGRAM_BOT_API_SECRET")] public string? BotApiSecret { get; set; }
    [ConfigurationKeyName("ADMIN_API_TOKEN")] public string? AdminApiToken { get; set; }
    [ConfigurationKeyName("DATABASE_URL")] public string? DatabaseUrl { get; set; }
    [ConfigurationKeyName("ConnectionStrings:Clinic")] public string? ClinicConnectionString { get; set; }
    [ConfigurationKeyName("SQLITE_PATH")] public string? SqlitePath { get; set; }
    [ConfigurationKeyName("SEED_DEMO_DATA")] public string? SeedDemoData { get; set; }
    [ConfigurationKeyName("DEFAULT_ORGANIZATION_ID")] public string? DefaultOrganizationId { get; set; }
    [ConfigurationKeyName("BOOKING_MIN_NOTICE_MINUTES")] public string? MinNoticeMinutes { get; set; }
    [ConfigurationKeyName("BOOKING_HORIZON_DAYS")] public string? HorizonDays { get; set; }
    [ConfigurationKeyName("SLOT_GRID_MINUTES")] public string? SlotGridMinutes { get; set; }
    [ConfigurationKeyName("BOOKING_CHANGE_WINDOW_MINUTES")] public string? ChangeWindowMinutes { get; set; }
    [ConfigurationKeyName("BOOKING_HOLD_MINUTES")] public string? HoldMinutes { get; set; }
    [ConfigurationKeyName("DOCUMENTS_PATH")] public string? DocumentsPath { get; set; }
    [ConfigurationKeyName("PUBLIC_BASE_URL")] public string? PublicBaseUrl { get; set; }
    [ConfigurationKeyName("PAYMENT_EXPIRY_MINUTES")] public string? PaymentExpiryMinutes { get; set; }
    [ConfigurationKeyName("PAYMENT_POLL_SECONDS")] public string? PaymentPollSeconds { get; set; }
    [ConfigurationKeyName("KASPI_API_KEY")] public string? KaspiApiKey { get; set; }
    [ConfigurationKeyName("KASPI_BASE_URL")] public string? KaspiBaseUrl { get; set; }
    [ConfigurationKeyName("KASPI_SCHEME")] public string? KaspiScheme { get; set; }
    [ConfigurationKeyName("KASPI_DEVICE_TOKEN")] public string? KaspiDeviceToken { get; set; }
    [ConfigurationKeyName("KASPI_CERT_PATH")] public string? KaspiCertPath { get; set; }
    [ConfigurationKeyName("KASPI_CERT_PASSWORD")] public string? KaspiCertPassword { get; set; }
    [ConfigurationKeyName("KASPI_TIMEOUT_SECONDS")] public string? KaspiTimeoutSeconds { get; set; }
    [ConfigurationKeyName("REMINDER_OFFSETS")] public string? ReminderOffsets { get; set; }
    [ConfigurationKeyName("NPS_SURVEY_DELAY")] public string? NpsSurveyDelay { get; set; }
    [ConfigurationKeyName("OUTBOX_MAX_ATTEMPTS")] public string? OutboxMaxAttempts { get; set; }
    [ConfigurationKeyName("ADMIN_TELEGRAM_IDS")] public string? AdminTelegramIds { get; set; }
    [ConfigurationKeyName("PAYMENTS_SANDBOX")] public string? PaymentsSandbox { get; set; }
    [ConfigurationKeyName("OPENAPI_PUBLIC")] public string? OpenApiPublic { get; set; }
    [ConfigurationKeyName("TRUSTED_PROXIES")] public string? TrustedProxies { get; set; }

    /// <summary>
    /// Every malformed value, and outside Development the production rules (<see cref="ClinicApiOptions.ProductionProblems"/>):
    /// real secrets and PUBLIC_BASE_URL set.
    /// </summary>
    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<ClinicApiSettings>
    {
        public ValidateOptionsResult Validate(string? name, ClinicApiSettings settings)
        {
            var values = new SettingValues();
            var options = ClinicApiOptions.Read(settings, values);
            IReadOnlyList<string> problems = environment.IsDevelopment()
                ? values.Problems
                : [.. values.Problems, .. options.ProductionProblems(settings)];
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
