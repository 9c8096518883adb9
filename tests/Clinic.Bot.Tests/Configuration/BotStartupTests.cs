using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Tests.Configuration;

/// <summary>The real bot (AddClinicBot/UseClinicBot) refuses to start on a malformed setting, naming it; nothing is sent anywhere.</summary>
public sealed class BotStartupTests
{
    [Theory]
    [InlineData("DJANGO_API_URL", "backend:8000")]
    [InlineData("TELEGRAM_API_URL", "api.telegram.org")]
    [InlineData("REDIS_PORT", "six")]
    [InlineData("REDIS_DB", "-1")]
    [InlineData("USE_WEBHOOK", "sometimes")]
    [InlineData("TELEGRAM_WEBHOOK_URL", "bot.example.kz")]
    [InlineData("DEFAULT_ORGANIZATION_ID", "first")]
    [InlineData("ADMIN_TELEGRAM_IDS", "11,@admin")]
    [InlineData("OUTBOX_RATE_PER_SECOND", "0")]
    [InlineData("OUTBOX_PAID_BROADCAST", "maybe")]
    [InlineData("OUTBOX_PAID_RATE_PER_SECOND", "5000")]
    [InlineData("OUTBOX_LEASE_SECONDS", "2")]
    public async Task A_malformed_setting_stops_the_bot_at_start_naming_it(string variable, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration["TELEGRAM_BOT_TOKEN"] = "123456:never-used";
        builder.Configuration["TELEGRAM_API_URL"] = "http://127.0.0.1:9";
        builder.Configuration["BOT_STATE_PATH"] = Path.Combine(Path.GetTempPath(), "clinic-bot-tests", "startup-" + Guid.NewGuid().ToString("N"), "state.db");
        builder.Configuration[variable] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            builder.AddClinicBot();
            await using var app = builder.Build();
            app.UseClinicBot();
            await app.StartAsync(TestContext.Current.CancellationToken);
        });

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(variable + " is malformed", failure);
    }
}
