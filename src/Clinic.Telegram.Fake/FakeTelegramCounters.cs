using System.Collections.Concurrent;

namespace Clinic.Telegram.Fake;

/// <summary>What the bot asked of the fake server, for assertions and benchmarks.</summary>
public sealed class FakeTelegramCounters
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.OrdinalIgnoreCase);
    private long _sends;
    private long _tooManyRequests;
    private long _forbidden;
    private long _webhookDeliveries;

    /// <summary>Messages delivered to chats (sendMessage, sendPhoto, sendDocument that succeeded).</summary>
    public long TotalSends => Interlocked.Read(ref _sends);

    /// <summary>Requests refused with 429 Too Many Requests.</summary>
    public long TooManyRequests => Interlocked.Read(ref _tooManyRequests);

    /// <summary>Requests refused with 403 because the user blocked the bot.</summary>
    public long Forbidden => Interlocked.Read(ref _forbidden);

    /// <summary>Updates the bot's webhook accepted with a 2xx answer.</summary>
    public long WebhookDeliveries => Interlocked.Read(ref _webhookDeliveries);

    /// <summary>Calls per Bot API method, keyed by the method name as Telegram documents it (e.g. "sendMessage").</summary>
    public IReadOnlyDictionary<string, long> MethodCalls => new Dictionary<string, long>(_calls, StringComparer.OrdinalIgnoreCase);

    public long CallsOf(string method) => _calls.GetValueOrDefault(method);

    internal void RecordCall(string method) => _calls.AddOrUpdate(method, 1, (_, count) => count + 1);
    internal void RecordSend() => Interlocked.Increment(ref _sends);
    internal void RecordTooManyRequests() => Interlocked.Increment(ref _tooManyRequests);
    internal void RecordForbidden() => Interlocked.Increment(ref _forbidden);
    internal void RecordWebhookDelivery() => Interlocked.Increment(ref _webhookDeliveries);
}
