using System.Diagnostics;

namespace Clinic.Bot.Notifications;

/// <summary>
/// Paces outbox sends to Telegram's limits in wall-clock time: an even spacing across all chats (one lane for ordinary
/// messages, one for paid broadcasts), at most one message per second to one chat, and a pause of everything
/// after a <c>429</c> for its <c>retry_after</c>. Each caller reserves the earliest free moment and waits for it.
/// </summary>
public sealed class OutboxRateLimiter(int perSecond, int paidPerSecond, TimeSpan? perChatInterval = null)
{
    private const int MaxTrackedChats = 50_000;

    private readonly Lock _gate = new();
    private readonly long _interval = Stopwatch.Frequency / Math.Max(1, perSecond);
    private readonly long _paidInterval = Stopwatch.Frequency / Math.Max(1, paidPerSecond);
    private readonly long _chatInterval = (long)((perChatInterval ?? TimeSpan.FromSeconds(1)).TotalSeconds * Stopwatch.Frequency);
    private readonly Dictionary<long, long> _chatNext = [];
    private long _next;
    private long _paidNext;
    private long _pausedUntil;

    /// <summary>Waits until a message to <paramref name="chatId"/> may go out, and takes that turn.</summary>
    public async Task WaitAsync(long chatId, bool paid, CancellationToken cancellationToken)
    {
        while (true)
        {
            long slot;
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                slot = Math.Max(now, Math.Max(_pausedUntil, paid ? _paidNext : _next));
                if (_chatNext.TryGetValue(chatId, out var chatFree))
                    slot = Math.Max(slot, chatFree);
                if (paid) _paidNext = slot + _paidInterval;
                else _next = slot + _interval;
                if (_chatNext.Count >= MaxTrackedChats)
                    Forget(now);
                _chatNext[chatId] = slot + _chatInterval;
            }

            var wait = Stopwatch.GetElapsedTime(now, slot);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            // A 429 that arrived while this caller waited moves everyone behind the pause.
            lock (_gate)
            {
                if (_pausedUntil <= Stopwatch.GetTimestamp())
                    return;
            }
        }
    }

    /// <summary>Telegram said "retry after": nothing goes out until then.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        var until = Stopwatch.GetTimestamp() + (long)(retryAfter.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            _pausedUntil = Math.Max(_pausedUntil, until);
            _next = Math.Max(_next, _pausedUntil);
            _paidNext = Math.Max(_paidNext, _pausedUntil);
        }
    }

    private void Forget(long now)
    {
        foreach (var (chat, free) in _chatNext.ToList())
        {
            if (free <= now)
                _chatNext.Remove(chat);
        }
    }
}
