namespace Clinic.Bot.Notifications;

/// <summary>
/// Paces outbox sends to Telegram's limits on the app's <see cref="TimeProvider"/> (the system's monotonic clock in production): an even spacing across all chats (one lane for ordinary
/// messages, one for paid broadcasts), at most one message per <see cref="DefaultPerChatInterval"/> to one chat, and a pause
/// of everything after a <c>429</c> for its <c>retry_after</c>. Each caller reserves the earliest free moment and waits for it.
/// On top of the spacing, no lane lets more than its per-second limit out in any one second of real release times: a
/// machine too busy to wake the waiters on time would otherwise let a backlog out at once, and that burst is what
/// Telegram answers with <c>429</c> (each costing a whole second's pause).
/// </summary>
public sealed class OutboxRateLimiter(int perSecond, int paidPerSecond, TimeProvider? time = null, TimeSpan? perChatInterval = null)
{
    /// <summary>Telegram allows about one message a second to a chat; the margin absorbs network jitter between two sends.</summary>
    public static readonly TimeSpan DefaultPerChatInterval = TimeSpan.FromSeconds(1.2);

    /// <summary>Sends Telegram may count in one second, as a multiple of the rate: the same margin as the per-chat interval.</summary>
    public const double BurstMargin = 1.2;

    /// <summary>How long a send that was never reported answered counts as in flight.</summary>
    private static readonly TimeSpan UnansweredFor = TimeSpan.FromSeconds(2);

    private const int MaxTrackedChats = 50_000;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _interval = Frequency(time) / Math.Max(1, perSecond);
    private readonly long _paidInterval = Frequency(time) / Math.Max(1, paidPerSecond);
    private readonly long _chatInterval = (long)((perChatInterval ?? DefaultPerChatInterval).TotalSeconds * Frequency(time));
    private readonly Dictionary<long, long> _chatNext = [];
    private long _next;
    private long _paidNext;
    private long _pausedUntil;
    private readonly ReleaseWindow _window = new(perSecond, Frequency(time));
    private readonly ReleaseWindow _paidWindow = new(paidPerSecond, Frequency(time));

    /// <summary>Waits until a message to <paramref name="chatId"/> may go out, and takes that turn.</summary>
    public async Task WaitAsync(long chatId, bool paid, CancellationToken cancellationToken)
    {
        while (true)
        {
            long until;
            var reserved = false;
            var now = _time.GetTimestamp();
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

            var wait = _time.GetElapsedTime(now, until);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, _time, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (!reserved)
                continue;
            // A 429 that arrived while this caller waited moves everyone behind the pause.
            long windowFree;
            lock (_gate)
            {
                var released = _time.GetTimestamp();
                if (_pausedUntil > released)
                {
                    _chatNext.Remove(chatId);
                    continue;
                }
                windowFree = (paid ? _paidWindow : _window).TryRelease(chatId, released);
                if (windowFree == 0)
                    return;
            }

            // The last second already let the limit out (a late wake-up bunched sends): wait for its oldest to leave.
            var paused = false;
            while (windowFree != 0 && !paused)
            {
                var late = _time.GetElapsedTime(_time.GetTimestamp(), windowFree);
                if (late > TimeSpan.Zero)
                    await Task.Delay(late, _time, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                lock (_gate)
                {
                    var released = _time.GetTimestamp();
                    paused = _pausedUntil > released;
                    if (paused)
                        _chatNext.Remove(chatId);
                    else
                        windowFree = (paid ? _paidWindow : _window).TryRelease(chatId, released);
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
        var now = _time.GetTimestamp();
        var next = now + _chatInterval;
        lock (_gate)
        {
            if (!_window.Answered(chatId, now))
                _paidWindow.Answered(chatId, now);
            if (!_chatNext.TryGetValue(chatId, out var current) || current < next)
                _chatNext[chatId] = next;
        }
    }

    /// <summary>Telegram said "retry after": nothing goes out until then.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        var until = _time.GetTimestamp() + (long)(retryAfter.TotalSeconds * _time.TimestampFrequency);
        lock (_gate)
        {
            _pausedUntil = Math.Max(_pausedUntil, until);
            _next = Math.Max(_next, _pausedUntil);
            _paidNext = Math.Max(_paidNext, _pausedUntil);
        }
    }

    /// <summary>
    /// One lane's last second, not thread-safe (used under the gate): the release times, capped at the rate, and the sends
    /// Telegram may still count, capped at <see cref="BurstMargin"/> × the rate. A send counts from its release until a
    /// second after its answer (or <see cref="UnansweredFor"/> after its release), so sends that a stalled network or
    /// server delays and then delivers together can never add up to more than that in any second Telegram measures.
    /// </summary>
    private sealed class ReleaseWindow(int limit, long second)
    {
        private readonly Queue<long> _released = new();
        private readonly Dictionary<long, long> _inFlight = [];
        private readonly Queue<(long Chat, long At)> _inFlightOrder = new();
        private readonly Queue<long> _answered = new();
        private readonly int _limit = Math.Max(1, limit);
        private readonly int _burst = Math.Max(2, (int)Math.Ceiling(Math.Max(1, limit) * BurstMargin));

        /// <summary>Records a release to <paramref name="chat"/> at <paramref name="now"/> and returns 0, or returns when to try again.</summary>
        public long TryRelease(long chat, long now)
        {
            var unanswered = (long)(UnansweredFor.TotalSeconds * second);
            while (_released.Count > 0 && now - _released.Peek() >= second)
                _released.Dequeue();
            while (_answered.Count > 0 && now - _answered.Peek() >= second)
                _answered.Dequeue();
            while (_inFlightOrder.TryPeek(out var oldest)
                   && (!_inFlight.TryGetValue(oldest.Chat, out var at) || at != oldest.At || now - at >= unanswered))
            {
                _inFlightOrder.Dequeue();
                if (_inFlight.TryGetValue(oldest.Chat, out var current) && current == oldest.At)
                    _inFlight.Remove(oldest.Chat);
            }

            if (_released.Count >= _limit)
                return _released.Peek() + second;
            if (_inFlight.Count + _answered.Count >= _burst)
            {
                var answered = _answered.Count > 0 ? _answered.Peek() + second : long.MaxValue;
                var flying = _inFlightOrder.Count > 0 ? _inFlightOrder.Peek().At + unanswered : long.MaxValue;
                return Math.Min(Math.Min(answered, flying), now + second / 100);
            }

            _released.Enqueue(now);
            _inFlight[chat] = now;
            _inFlightOrder.Enqueue((chat, now));
            return 0;
        }

        /// <summary>The send to <paramref name="chat"/> was answered: it counts for one more second.</summary>
        public bool Answered(long chat, long now)
        {
            if (!_inFlight.Remove(chat))
                return false;
            _answered.Enqueue(now);
            return true;
        }
    }

    private static long Frequency(TimeProvider? time) => (time ?? TimeProvider.System).TimestampFrequency;

    private void Forget(long now)
    {
        foreach (var (chat, free) in _chatNext.ToList())
        {
            if (free <= now)
                _chatNext.Remove(chat);
        }
    }
}
