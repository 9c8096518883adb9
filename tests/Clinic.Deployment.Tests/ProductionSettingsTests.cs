using Clinic.Deployment.Tests.Infrastructure;

namespace Clinic.Deployment.Tests;

/// <summary>
/// Outside Development each app, started as its image starts it, refuses a placeholder, empty or short secret and a
/// missing public address: it exits with one line that names the variable and says how to make a good value.
/// </summary>
public sealed class ProductionSettingsTests
{
    private const string Strong = "0123456789abcdef0123456789abcdef0123456789abcdef";

    public static TheoryData<string, string, string> ApiRefusals => new()
    {
        { "TELEGRAM_BOT_API_SECRET", "", "openssl rand -hex 32" },
        { "TELEGRAM_BOT_API_SECRET", "change-this-secret-in-production", "openssl rand -hex 32" },
        { "TELEGRAM_BOT_API_SECRET", "s3cret-but-only-27-characters", "openssl rand -hex 32" },
        { "ADMIN_API_TOKEN", "changeme", "openssl rand -hex 32" },
        { "PUBLIC_BASE_URL", "", "https://" },
    };

    public static TheoryData<string, string, string> BotRefusals => new()
    {
        { "TELEGRAM_BOT_API_SECRET", "", "openssl rand -hex 32" },
        { "TELEGRAM_BOT_API_SECRET", "change-this-secret-in-production", "openssl rand -hex 32" },
        { "TELEGRAM_WEBHOOK_SECRET", "change-this-webhook-secret", "openssl rand -hex 32" },
        { "TELEGRAM_WEBHOOK_SECRET", "short_hook", "openssl rand -hex 32" },
    };

    /// <summary>A malformed setting (not a secret, so its value may be shown) stops either app at start.</summary>
    [Theory]
    [InlineData("Clinic.Api", "BOOKING_HOLD_MINUTES", "forever")]
    [InlineData("Clinic.Api", "REMINDER_OFFSETS", "24 hours")]
    [InlineData("Clinic.Api", "TRUSTED_PROXIES", "proxy.example.kz")]
    [InlineData("Clinic.Bot", "REDIS_PORT", "port")]
    [InlineData("Clinic.Bot", "ADMIN_TELEGRAM_IDS", "1,two")]
    public async Task A_malformed_setting_stops_the_app_at_start_with_one_line_naming_it(string app, string variable, string value)
    {
        var settings = app == "Clinic.Api"
            ? new Dictionary<string, string>
            {
                ["TELEGRAM_BOT_API_SECRET"] = Strong,
                ["PUBLIC_BASE_URL"] = "https://clinic.example",
                ["SQLITE_PATH"] = Path.Combine(Scratch(), "clinic.db"),
            }
            : new Dictionary<string, string>
            {
                ["TELEGRAM_BOT_TOKEN"] = "123456:AAH-not-used-before-the-refusal",
                ["TELEGRAM_BOT_API_SECRET"] = Strong,
                ["BOT_STATE_PATH"] = Path.Combine(Scratch(), "bot-state.db"),
            };
        settings[variable] = value;

        var (exitCode, output) = await AppProcess.RunAsync(Repo.AppDll(app), settings, Scratch());

        Assert.True(exitCode == 1, $"{app} exited with {exitCode} with {variable}=\"{value}\":\n{output}");
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith(variable + " is malformed", line);
    }

    [Theory]
    [MemberData(nameof(ApiRefusals))]
    public async Task The_backend_refuses_to_start_in_production_naming_the_bad_setting(string variable, string value, string advice)
    {
        var settings = new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_API_SECRET"] = Strong,
            ["ADMIN_API_TOKEN"] = Strong,
            ["PUBLIC_BASE_URL"] = "https://clinic.example",
            ["SQLITE_PATH"] = Path.Combine(Scratch(), "clinic.db"),
            [variable] = value,
        };

        await AssertRefusedAsync("Clinic.Api", settings, variable, advice);
    }

    [Theory]
    [MemberData(nameof(BotRefusals))]
    public async Task The_bot_refuses_to_start_in_production_naming_the_bad_secret(string variable, string value, string advice)
    {
        var settings = new Dictionary<string, string>
        {
            ["TELEGRAM_BOT_TOKEN"] = "123456:AAH-not-used-before-the-refusal",
            ["TELEGRAM_BOT_API_SECRET"] = Strong,
            ["USE_WEBHOOK"] = "true",
            ["TELEGRAM_WEBHOOK_URL"] = "https://bot.example.kz",
            ["TELEGRAM_WEBHOOK_SECRET"] = Strong,
            ["BOT_STATE_PATH"] = Path.Combine(Scratch(), "bot-state.db"),
            [variable] = value,
        };

        await AssertRefusedAsync("Clinic.Bot", settings, variable, advice);
    }

    private static async Task AssertRefusedAsync(string app, Dictionary<string, string> settings, string variable, string advice)
    {
        var (exitCode, output) = await AppProcess.RunAsync(Repo.AppDll(app), settings, Scratch());

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exitCode == 1, $"{app} started (exit code {exitCode}) with {variable}=\"{settings[variable]}\":\n{output}");
        var line = Assert.Single(lines);
        Assert.StartsWith(variable + " ", line);
        Assert.Contains(advice, line);
        if (settings[variable].Length > 0)
            Assert.DoesNotContain(settings[variable], line);
    }

    private static string Scratch()
    {
        var directory = Path.Combine(Path.GetTempPath(), "clinic-deployment-tests", "settings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
