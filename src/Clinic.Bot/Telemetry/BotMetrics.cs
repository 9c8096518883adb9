using System.Diagnostics;
using System.Diagnostics.Metrics;
using Clinic.Bot.Telegram;

namespace Clinic.Bot.Telemetry;

/// <summary>
/// The bot's meter and activity source, both <c>Clinic.Bot</c> (docs/operations.md lists each instrument and what to
/// alert on). Durations are wall-clock time, like the loops' heartbeats, whatever clock a host gives the features.
/// </summary>
public sealed class BotMetrics
{
    public const string Name = "Clinic.Bot";

    /// <summary>One span per handled update ("telegram update {router}"), the parent of its API and Telegram calls.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>Seconds: from a millisecond (a cached answer) to Telegram's and the API's longest waits.</summary>
    private static readonly IReadOnlyList<double> Seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly TimeProvider _clock;
    private readonly Counter<long> _updates;
    private readonly Histogram<double> _handlerDuration;
    private readonly Counter<long> _apiCalls;
    private readonly Counter<long> _outboxMessages;
    private readonly Counter<long> _tooManyRequests;
    private readonly Histogram<double> _rateLimiterWait;

    public BotMetrics(IMeterFactory meters, UpdateQueue queue, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(Name);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = Seconds };
        _updates = meter.CreateCounter<long>("clinic.bot.updates", "{update}",
            "Updates handled, by router (the feature that took it, none when no router did) and outcome.");
        _handlerDuration = meter.CreateHistogram("clinic.bot.handler.duration", "s",
            "From taking an update off the queue to the end of its handler, by router and outcome.", advice: seconds);
        meter.CreateObservableGauge("clinic.bot.queue.depth", () => queue.Count, "{update}", "Updates waiting to be handled.");
        meter.CreateObservableGauge("clinic.bot.queue.oldest_age", () => queue.OldestWait().TotalSeconds, "s",
            "How long the oldest waiting update has waited; 0 when none waits.");
        _apiCalls = meter.CreateCounter<long>("clinic.bot.api.calls", "{call}",
            "Calls to the clinic API (retries included in one call), by route template, method and status (an HTTP code, timeout or unreachable).");
        _outboxMessages = meter.CreateCounter<long>("clinic.bot.outbox.messages", "{message}",
            "Outbox messages done with, by outcome: sent, failed, blocked, cancelled, released.");
        _tooManyRequests = meter.CreateCounter<long>("clinic.bot.outbox.too_many_requests", "{response}",
            "Telegram's 429 answers to outbox sends; each pauses every send for its retry_after.");
        _rateLimiterWait = meter.CreateHistogram("clinic.bot.outbox.rate_limiter.wait", "s",
            "How long a message waited for its turn in the outbox rate limiter, by lane (free, paid).", advice: seconds);
    }

    public long Now() => _clock.GetTimestamp();

    public TimeSpan Since(long started) => _clock.GetElapsedTime(started);

    public void UpdateHandled(string router, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "router", router }, { "outcome", outcome } };
        _updates.Add(1, tags);
        _handlerDuration.Record(duration.TotalSeconds, tags);
    }

    public void ApiCall(string route, string method, string status) =>
        _apiCalls.Add(1, new TagList { { "route", route }, { "method", method }, { "status", status } });

    public void OutboxMessage(string outcome) => _outboxMessages.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void OutboxTooManyRequests() => _tooManyRequests.Add(1);

    /// <summary>Records, when disposed, how long the caller waited for the rate limiter.</summary>
    public RateLimiterWait WaitingForRateLimiter(bool paid) => new(this, paid, Now());

    public readonly struct RateLimiterWait(BotMetrics metrics, bool paid, long started) : IDisposable
    {
        public void Dispose() =>
            metrics._rateLimiterWait.Record(metrics.Since(started).TotalSeconds, new KeyValuePair<string, object?>("lane", paid ? "paid" : "free"));
    }
}
