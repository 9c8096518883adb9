using Clinic.Bot.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Configuration;

public sealed class BotOptionsTests
{
    /// <summary>A host with the bot's settings registered as the bot registers them, in <paramref name="environment"/>.</summary>
    internal static IHost Host(string environment, params (string Key, string? Value)[] values)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        builder.Services.AddBotOptions(builder.Configuration);
        return builder.Build();
    }

    private static BotOptions Read(params (string Key, string? Value)[] values) =>
        Host(Environments.Development, values).Services.GetRequiredService<BotOptions>();

    /// <summary>What the host says when it refuses to start.</summary>
    private static async Task<IReadOnlyList<string>> RefusalAsync(params (string Key, string? Value)[] values)
    {
        using var host = Host(Environments.Development, values);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        return error.Failures.ToList();
    }

    [Fact]
    public void Only_the_token_is_required_and_the_rest_has_the_seeds_defaults()
    {
        var options = Read(("TELEGRAM_BOT_TOKEN", "123456:ABC-def"));

        Assert.Equal(123456, options.BotId);
        Assert.Equal("change-this-secret-in-production", options.TelegramBotApiSecret);
        Assert.Equal(new Uri("http://backend:8000"), options.DjangoApiUrl);
        Assert.Null(options.RedisHost);
        Assert.Equal(6379, options.RedisPort);
        Assert.Equal(1, options.RedisDb);
        Assert.False(options.UseWebhook);
        Assert.Equal("change-this-webhook-secret", options.TelegramWebhookSecret);
        Assert.Equal(1, options.DefaultOrganizationId);
        Assert.Equal(new Uri("https://api.telegram.org"), options.TelegramApiUrl);
        Assert.Empty(options.AdminTelegramIds);
        Assert.Equal(Path.Combine("data", "bot-state.db"), options.BotStatePath);
    }

    [Fact]
    public void Every_variable_is_read_by_its_seed_name()
    {
        var options = Read(
            ("TELEGRAM_BOT_TOKEN", "42:xyz"),
            ("TELEGRAM_BOT_API_SECRET", "s3cret"),
            ("DJANGO_API_URL", "http://api.local:9000/"),
            ("REDIS_HOST", "redis"),
            ("REDIS_PORT", "6380"),
            ("REDIS_DB", "3"),
            ("USE_WEBHOOK", "true"),
            ("TELEGRAM_WEBHOOK_URL", "https://bot.example.kz"),
            ("TELEGRAM_WEBHOOK_SECRET", "hook_secret-1"),
            ("DEFAULT_ORGANIZATION_ID", "7"),
            ("TELEGRAM_API_URL", "http://127.0.0.1:8081"),
            ("ADMIN_TELEGRAM_IDS", "11, 22,33"),
            ("BOT_STATE_PATH", "/tmp/state.db"));

        Assert.Equal("s3cret", options.TelegramBotApiSecret);
        Assert.Equal(new Uri("http://api.local:9000"), options.DjangoApiUrl);
        Assert.Equal("redis", options.RedisHost);
        Assert.Equal(6380, options.RedisPort);
        Assert.Equal(3, options.RedisDb);
        Assert.True(options.UseWebhook);
        Assert.Equal(new Uri("https://bot.example.kz"), options.TelegramWebhookUrl);
        Assert.Equal("hook_secret-1", options.TelegramWebhookSecret);
        Assert.Equal(7, options.DefaultOrganizationId);
        Assert.Equal(new Uri("http://127.0.0.1:8081"), options.TelegramApiUrl);
        Assert.Equal([11L, 22L, 33L], options.AdminTelegramIds.Order());
        Assert.Equal("/tmp/state.db", options.BotStatePath);
    }

    [Theory]
    [InlineData("TELEGRAM_BOT_TOKEN", null)]
    [InlineData("TELEGRAM_BOT_TOKEN", "no-colon-here")]
    [InlineData("REDIS_PORT", "port")]
    [InlineData("REDIS_PORT", "70000")]
    [InlineData("REDIS_DB", "-1")]
    [InlineData("USE_WEBHOOK", "maybe")]
    [InlineData("DJANGO_API_URL", "backend:8000")]
    [InlineData("TELEGRAM_API_URL", "ftp://example.com")]
    [InlineData("ADMIN_TELEGRAM_IDS", "1,two")]
    [InlineData("DEFAULT_ORGANIZATION_ID", "0")]
    public async Task A_missing_or_malformed_value_stops_startup_naming_the_variable(string name, string? value)
    {
        (string, string?)[] settings = name == "TELEGRAM_BOT_TOKEN"
            ? [(name, value)]
            : [("TELEGRAM_BOT_TOKEN", "1:abc"), (name, value)];

        var failure = Assert.Single(await RefusalAsync(settings));

        Assert.StartsWith(name + " ", failure);
        Assert.DoesNotContain('\n', failure);
    }

    [Fact]
    public async Task Webhook_mode_needs_a_public_url()
    {
        var failure = Assert.Single(await RefusalAsync(("TELEGRAM_BOT_TOKEN", "1:abc"), ("USE_WEBHOOK", "true")));
        Assert.StartsWith("TELEGRAM_WEBHOOK_URL ", failure);
    }

    [Fact]
    public async Task Every_malformed_value_is_named_at_once_not_only_the_first()
    {
        var failures = await RefusalAsync(("TELEGRAM_BOT_TOKEN", "1:abc"), ("REDIS_PORT", "port"), ("OUTBOX_LEASE_SECONDS", "1"), ("ADMIN_TELEGRAM_IDS", "me"));

        Assert.Equal(["ADMIN_TELEGRAM_IDS", "OUTBOX_LEASE_SECONDS", "REDIS_PORT"], failures.Select(f => f.Split(' ')[0]).Order());
    }

    [Fact]
    public void Switches_take_the_ways_operators_write_them_and_blank_values_mean_the_defaults()
    {
        var options = Read(("TELEGRAM_BOT_TOKEN", " 42:xyz "), ("OUTBOX_PAID_BROADCAST", "yes"), ("REDIS_PORT", ""), ("DJANGO_API_URL", " "), ("USE_WEBHOOK", "off"));

        Assert.Equal(42, options.BotId);
        Assert.True(options.OutboxPaidBroadcast);
        Assert.Equal(6379, options.RedisPort);
        Assert.Equal(new Uri("http://backend:8000"), options.DjangoApiUrl);
        Assert.False(options.UseWebhook);
    }

    [Fact]
    public async Task Outside_development_a_placeholder_secret_stops_startup_without_repeating_it()
    {
        using var host = Host(Environments.Production, ("TELEGRAM_BOT_TOKEN", "1:abc"), ("TELEGRAM_BOT_API_SECRET", "changeme-please"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("TELEGRAM_BOT_API_SECRET ", failure);
        Assert.DoesNotContain("changeme-please", failure);
    }
}
