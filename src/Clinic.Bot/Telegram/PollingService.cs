using Clinic.Bot.Configuration;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Polling mode: removes any webhook, then long-polls getUpdates and queues what arrives. Every round beats the
/// "polling" heartbeat of <see cref="LoopLiveness"/>, so a loop that ended or got stuck shows in the bot's /health.
/// </summary>
public sealed class PollingService(ITelegramBotClient bot, UpdateQueue queue, BotOptions options, LoopLiveness liveness, TimeProvider time,
    ILogger<PollingService> logger)
    : BackgroundService
{
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    /// <summary>
    /// The longest a healthy round takes: the HTTP client's 100 s limit on a getUpdates Telegram never answers, plus the
    /// 30 s back-off, plus room for a queue that is briefly full.
    /// </summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromMinutes(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.UseWebhook)
        {
            return;
        }

        var heartbeat = liveness.Start("polling", StallAfter);
        try
        {
            await RetryAsync(() => bot.DeleteWebhook(cancellationToken: stoppingToken), "deleteWebhook", time, stoppingToken, logger, heartbeat);
            await PollAsync(heartbeat, stoppingToken);
        }
        finally
        {
            heartbeat.End();
        }
    }

    private async Task PollAsync(LoopHeartbeat heartbeat, CancellationToken stoppingToken)
    {
        int? offset = null;
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            heartbeat.Beat();
            try
            {
                var updates = await bot.GetUpdates(offset, limit: 100, timeout: 20, allowedUpdates: AllowedUpdates, cancellationToken: stoppingToken);
                foreach (var update in updates)
                {
                    await queue.EnqueueAsync(update, stoppingToken);
                    offset = update.Id + 1;
                }

                delay = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await ConfirmAsync(offset);
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning("getUpdates failed ({Reason}); retrying in {Delay}", error.Message, delay);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }

        await ConfirmAsync(offset);
    }

    /// <summary>
    /// Tells Telegram which updates were taken (getUpdates confirms everything below the offset), so a restarted
    /// bot does not receive them again.
    /// </summary>
    private async Task ConfirmAsync(int? offset)
    {
        if (offset is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            await bot.GetUpdates(offset, limit: 1, timeout: 0, allowedUpdates: AllowedUpdates, cancellationToken: timeout.Token);
        }
        catch (Exception error)
        {
            logger.LogInformation("Could not confirm the last updates on shutdown: {Reason}", error.Message);
        }
    }

    /// <summary>
    /// Calls Telegram until it answers, backing off up to 30 s on <paramref name="time"/>. Never gives up: Telegram being unreachable at start
    /// must not stop the host (and with it the clinic API of the all-in-one server).
    /// </summary>
    internal static async Task RetryAsync(Func<Task> call, string what, TimeProvider time, CancellationToken ct, ILogger? logger = null,
        LoopHeartbeat? heartbeat = null)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested)
        {
            heartbeat?.Beat();
            try
            {
                await call();
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger?.LogWarning("{What} failed ({Reason}); retrying in {Delay}", what, error.Message, delay);
                await Task.Delay(delay, time, ct);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}
