using System.Collections.Concurrent;
using Clinic.Bot.ClinicApi;
using Clinic.Bot.Localization;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace Clinic.Bot.Features.Admin;

/// <summary>
/// Keeps a progress card current: polls the broadcast every few seconds and edits the card when the numbers change,
/// until the broadcast is no longer under way or a time limit passes (the card's Refresh button starts it again).
/// One watch per card; all stop with the bot.
/// </summary>
public sealed class BroadcastProgressWatcher(ClinicApiClient api, ITelegramBotClient bot, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<BroadcastProgressWatcher> logger)
{
    private readonly ConcurrentDictionary<(long Chat, int Message), byte> _watching = new();

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan Limit { get; init; } = TimeSpan.FromMinutes(30);

    public void Watch(long adminId, long chatId, int messageId, long broadcastId, Texts texts)
    {
        if (_watching.TryAdd((chatId, messageId), 0))
            _ = Task.Run(() => RunAsync(adminId, chatId, messageId, broadcastId, texts));
    }

    private async Task RunAsync(long adminId, long chatId, int messageId, long broadcastId, Texts texts)
    {
        var stopping = lifetime.ApplicationStopping;
        var shown = "";
        var until = time.GetUtcNow() + Limit;
        try
        {
            while (!stopping.IsCancellationRequested && time.GetUtcNow() < until)
            {
                await Task.Delay(Interval, time, stopping);
                var result = await api.GetBroadcast(adminId, broadcastId, stopping);
                if (!result.IsSuccess)
                {
                    if (result.IsUnavailable) continue;
                    return; // no longer an administrator, or the broadcast is gone
                }
                var broadcast = result.Value!;
                var text = BroadcastCards.Text(texts, broadcast);
                if (text != shown)
                {
                    await bot.EditMessageText(chatId, messageId, text, replyMarkup: BroadcastCards.Keyboard(texts, broadcast), cancellationToken: stopping);
                    shown = text;
                }
                if (!BroadcastCards.IsUnderWay(broadcast.Status))
                    return;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The bot is stopping.
        }
        catch (ApiRequestException error) when (error.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase) || error.ErrorCode == 400)
        {
            logger.LogInformation("Stopped updating the progress of broadcast {Id}: {Reason}", broadcastId, error.Message);
        }
        finally
        {
            _watching.TryRemove((chatId, messageId), out _);
        }
    }
}
