namespace Clinic.Telegram.Fake;

/// <summary>
/// Telegram's flood control as a sliding one-second window, globally and per chat.
/// A refused send gets the whole seconds to wait until the oldest send in the window expires.
/// </summary>
internal sealed class SendRateLimiter(TimeProvider time, int? globalPerSecond, int? perChatPerSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perChat = new();

    /// <summary>
    /// Not thread-safe: the caller holds the state's lock. A paid broadcast (<c>allow_paid_broadcast</c>) is outside the
    /// free global limit (Telegram allows up to 1000/s for a fee) but still one chat's turn.
    /// </summary>
    public bool TryAcquire(long chatId, bool paid, out int retryAfterSeconds)
    {
        retryAfterSeconds = 0;
        if (globalPerSecond is null && perChatPerSecond is null) return true;
        var now = time.GetUtcNow();
        var global = paid ? null : globalPerSecond;
        var chatWindow = perChatPerSecond is null ? null : ChatWindow(chatId);
        if (IsFull(_global, global, now, ref retryAfterSeconds) | IsFull(chatWindow, perChatPerSecond, now, ref retryAfterSeconds))
            return false;
        if (global is not null) _global.Enqueue(now);
        chatWindow?.Enqueue(now);
        return true;
    }

    private Queue<DateTimeOffset> ChatWindow(long chatId)
    {
        if (!_perChat.TryGetValue(chatId, out var window)) _perChat[chatId] = window = new Queue<DateTimeOffset>();
        return window;
    }

    private static bool IsFull(Queue<DateTimeOffset>? window, int? limit, DateTimeOffset now, ref int retryAfterSeconds)
    {
        if (window is null || limit is null) return false;
        while (window.Count > 0 && now - window.Peek() >= Window) window.Dequeue();
        if (window.Count < limit) return false;
        var wait = (int)Math.Ceiling((window.Peek() + Window - now).TotalSeconds);
        retryAfterSeconds = Math.Max(retryAfterSeconds, Math.Max(1, wait));
        return true;
    }
}
