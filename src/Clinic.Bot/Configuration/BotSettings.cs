using Microsoft.Extensions.Options;

namespace Clinic.Bot.Configuration;

/// <summary>
/// The bot's environment variables as operators write them, bound by name from configuration (<c>Bind</c>). The defaults
/// and the typed values are <see cref="BotOptions"/>'s; <see cref="Validator"/> refuses a bad value at start.
/// </summary>
public sealed class BotSettings
{
    [ConfigurationKeyName("TELEGRAM_BOT_TOKEN")] public string? TelegramBotToken { get; set; }
    [ConfigurationKeyName("TELEGRAM_BOT_API_SECRET")] public string? TelegramBotApiSecret { get; set; }
    [ConfigurationKeyName("DJANGO_API_URL")] public string? DjangoApiUrl { get; set; }
    [ConfigurationKeyName("REDIS_HOST")] public string? RedisHost { get; set; }
    [ConfigurationKeyName("REDIS_PORT")] public string? RedisPort { get; set; }
    [ConfigurationKeyName("REDIS_DB")] public string? RedisDb { get; set; }
    [ConfigurationKeyName("USE_WEBHOOK")] public string? UseWebhook { get; set; }
    [ConfigurationKeyName("TELEGRAM_WEBHOOK_URL")] public string? TelegramWebhookUrl { get; set; }
    [ConfigurationKeyName("TELEGRAM_WEBHOOK_SECRET")] public string? TelegramWebhookSecret { get; set; }
    [ConfigurationKeyName("DEFAULT_ORGANIZATION_ID")] public string? DefaultOrganizationId { get; set; }
    [ConfigurationKeyName("TELEGRAM_API_URL")] public string? TelegramApiUrl { get; set; }
    [ConfigurationKeyName("ADMIN_TELEGRAM_IDS")] public string? AdminTelegramIds { get; set; }
    [ConfigurationKeyName("BOT_STATE_PATH")] public string? BotStatePath { get; set; }
    [ConfigurationKeyName("OUTBOX_RATE_PER_SECOND")] public string? OutboxRatePerSecond { get; set; }
    [ConfigurationKeyName("OUTBOX_PAID_BROADCAST")] public string? OutboxPaidBroadcast { get; set; }
    [ConfigurationKeyName("OUTBOX_PAID_RATE_PER_SECOND")] public string? OutboxPaidRatePerSecond { get; set; }
    [ConfigurationKeyName("OUTBOX_LEASE_SECONDS")] public string? OutboxLeaseSeconds { get; set; }

    /// <summary>
    /// Every malformed or missing value, and outside Development every placeholder or weak secret (<see cref="BotOptions.SecretProblems"/>).
    /// </summary>
    public sealed class Validator(IHostEnvironment environment) : IValidateOptions<BotSettings>
    {
        public ValidateOptionsResult Validate(string? name, BotSettings settings)
        {
            var values = new Contracts.SettingValues();
            var options = BotOptions.Read(settings, values);
            IReadOnlyList<string> problems = environment.IsDevelopment() ? values.Problems : [.. values.Problems, .. options.SecretProblems()];
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
