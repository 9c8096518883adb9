using Clinic.Bot.Configuration;
using Clinic.Bot.Localization;
using Clinic.Contracts;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Tells Telegram about the bot at startup: the command menu per language, and in webhook mode where to send updates.
/// Runs in the background with retries, so a slow Telegram does not hold up the host.
/// </summary>
public sealed class BotStartupService(ITelegramBotClient bot, BotOptions options, Localizer localizer, TimeProvider time, ILogger<BotStartupService> logger)
    : BackgroundService
{
    /// <summary>The command menu, in the order Telegram shows it; each has a <c>commands.*</c> text in every locale.</summary>
    public static readonly IReadOnlyList<string> Commands = ["start", "book", "appointments", "documents", "payments", "feedback", "support", "profile", "language", "cancel", "help"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (options.UseWebhook)
            {
                var url = $"{options.TelegramWebhookUrl!.ToString().TrimEnd('/')}{Routes.Webhook}";
                await PollingService.RetryAsync(
                    () => bot.SetWebhook(url, allowedUpdates: PollingService.AllowedUpdates, secretToken: options.TelegramWebhookSecret, cancellationToken: stoppingToken),
                    "setWebhook", time, stoppingToken, logger);
            }

            await SetCommandsAsync(null, localizer.For(Language.Ru), stoppingToken);
            await SetCommandsAsync("ru", localizer.For(Language.Ru), stoppingToken);
            await SetCommandsAsync("kk", localizer.For(Language.Kk), stoppingToken);
            await SetCommandsAsync("en", localizer.For(Language.En), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before Telegram answered.
        }
        catch (Exception error)
        {
            logger.LogError(error, "Could not register the bot with Telegram");
        }
    }

    private Task SetCommandsAsync(string? languageCode, Texts texts, CancellationToken ct) =>
        PollingService.RetryAsync(
            () => bot.SetMyCommands(Commands.Select(c => new BotCommand(c, texts[$"commands.{c}"])), languageCode: languageCode, cancellationToken: ct),
            "setMyCommands", time, ct, logger);
}
