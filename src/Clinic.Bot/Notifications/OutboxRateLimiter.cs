using System.Diagnostics;

namespace Clinic.Bot.Notifications;

/// <summary>
/// Paces outbox sends to Telegram's limits in wall-clock time: an even spacing across all chats (one lane for ordinary
/// messages, one for paid broadcasts), at most one message per <see cref="DefaultPerChatInterval"/> to one chat, and a pause
/// of everything after a <c>429</c> for its <c>retry_after</c>. Each caller reserves the earliest free moment and waits for it.
/// On top of the spacing, no lane lets more than its per-second limit out in any one second of real release times: a
/// machine too busy to wake the waiters on time would otherwise let a backlog out at once, and that burst is what
/// Telegram answers with <c>429</c> (each costing a whole second's pause).
/// </summary>
public sealed class OutboxRateLimiter(int perSecond, int paidPerSecond, TimeSpan? perChatInterval = null)
{
    /// <summary>Telegram allows about one message a second to a chat; the margin absorbs network jitter between two sends.</summary>
    public static readonly TimeSpan DefaultPerChatInterval = TimeSpan.FromSeconds(1.2);

    private const int MaxTrackedChats = 50_000;

    private readonly Lock _gate = new();
    private readonly long _interval = Stopwatch.Frequency / Math.Max(1, perSecond);
    private readonly long _paidInterval = Stopwatch.Frequency / Math.Max(1, paidPerSecond);
    private readonly long _chatInterval = (long)((perChatInterval ?? DefaultPerChatInterval).TotalSeconds * Stopwatch.Frequency);
    private readonly Dictionary<long, long> _chatNext = [];
    private long _next;
    private long _paidNext;
    private long _pausedUntil;
    private readonly ReleaseWindow _window = new(perSecond);
    private readonly ReleaseWindow _paidWindow = new(paidPerSecond);

    /// <summary>Waits until a message to <paramref name="chatId"/> may go out, and takes that turn.</summary>
    public async Task WaitAsync(long chatId, bool paid, CancellationToken cancellationToken)
    {
        while (true)
        {
            long until;
            var reserved = false;
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                if (_chatNext.TryGetValue(chatId, out var chatFree) && chatFree > now)
                {
                    // This chat had a message a moment ago: wait for its turn without holding up the other chats.
                    until = chatFree;
                }
                else
                {
                    until = Math.Max(now, Math.Max(_pausedUntil, paid ? _paidNext : _next));
                    if (paid) _paidNext = until + _paidInterval;
                    else _next = until + _interval;
                    if (_chatNext.Count >= MaxTrackedChats)
                        Forget(now);
                    _chatNext[chatId] = until + _chatInterval;
                    reserved = true;
                }
            }

            var wait = Stopwatch.GetElapsedTime(now, until);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (!reserved)
                continue;
            // A 429 that arrived while this caller waited moves everyone behind the pause.
            long windowFree;
            lock (_gate)
            {
                var released = Stopwatch.GetTimestamp();
                if (_pausedUntil > released)
                {
                    _chatNext.Remove(chatId);
                    continue;
                }
                windowFree = (paid ? _paidWindow : _window).TryRelease(released);
                if (windowFree == 0)
                    return;
            }

            // The last second already let the limit out (a late wake-up bunched sends): wait for its oldest to leave.
            var paused = false;
            while (windowFree != 0 && !paused)
            {
                var late = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), windowFree);
                if (late > TimeSpan.Zero)
                    await Task.Delay(late, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                lock (_gate)
                {
                    var released = Stopwatch.GetTimestamp();
                    paused = _pausedUntil > released;
                    if (paused)
                        _chatNext.Remove(chatId);
                    else
                        windowFree = (paid ? _paidWindow : _window).TryRelease(released);
                }
            }
            if (!paused)
                return;
        }
    }

    /// <summary>
    /// A send to <paramref name="chatId"/> has just been answered: the chat's next turn is a full interval from now, so a
    /// slow request cannot bring two messages to one chat closer together than Telegram allows.
    /// </summary>
    public void Completed(long chatId)
    {
        var next = Stopwatch.GetTimestamp() + _chatInterval;
        lock (_gate)
        {
            if (!_chatNext.TryGetValue(chatId, out var current) || current < next)
                _chatNext[chatId] = next;
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

    /// <summary>The release times of the last second in one lane; not thread-safe (used under the gate).</summary>
    private sealed class ReleaseWindow(int limit)
    {
        private readonly Queue<long> _released = new();
        private readonly int _limit = Math.Max(1, limit);

        /// <summary>Records a release at <paramref name="now"/> and returns 0, or returns when the window has room again.</summary>
        public long TryRelease(long now)
        {
            while (_released.Count > 0 && now - _released.Peek() >= Stopwatch.Frequency)
                _released.Dequeue();
            if (_released.Count >= _limit)
                return _released.Peek() + Stopwatch.Frequency;
            _released.Enqueue(now);
            return 0;
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
