using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clinic.Bot.Telegram;

/// <summary>
/// Where the bot's long-running loops (polling, the outbox sender) say they are alive. Each one starts a
/// <see cref="LoopHeartbeat"/> with how long a round may take at most, beats every round and ends it when it returns.
/// A loop that ended while the host is not stopping, or has not beaten for longer than it may (stuck), is dead:
/// the bot's readiness (<c>/health/ready</c>, <c>/health</c>) then answers 503, so a bot that no longer takes updates or
/// sends messages does not look fine. As a health check it names the dead loops in its data (<see cref="Field"/>).
/// Measured on the monotonic clock of the <see cref="TimeProvider"/> given (the system's in the app).
/// </summary>
public sealed class LoopLiveness(TimeProvider clock, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Field = "dead_loops";

    private readonly ConcurrentDictionary<string, LoopHeartbeat> _loops = new(StringComparer.Ordinal);

    public LoopHeartbeat Start(string name, TimeSpan stallAfter)
    {
        var heartbeat = new LoopHeartbeat(name, stallAfter, clock);
        _loops[name] = heartbeat;
        return heartbeat;
    }

    /// <summary>The names of the dead loops, in order; none while the host stops (loops end then on purpose).</summary>
    public IReadOnlyList<string> DeadLoops() =>
        lifetime.ApplicationStopping.IsCancellationRequested
            ? []
            : _loops.Values.Where(loop => loop.IsDead).Select(loop => loop.Name).Order(StringComparer.Ordinal).ToList();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var dead = DeadLoops();
        var data = new Dictionary<string, object> { [Field] = dead };
        return Task.FromResult(dead.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Unhealthy("Dead loops: " + string.Join(", ", dead), data: data));
    }
}

/// <summary>One loop's pulse: <see cref="Beat"/> every round, <see cref="End"/> when the loop returns or throws.</summary>
public sealed class LoopHeartbeat
{
    private readonly TimeSpan _stallAfter;
    private readonly TimeProvider _clock;
    private long _lastBeat;
    private volatile bool _ended;

    internal LoopHeartbeat(string name, TimeSpan stallAfter, TimeProvider clock)
    {
        Name = name;
        _stallAfter = stallAfter;
        _clock = clock;
        Beat();
    }

    public string Name { get; }

    public bool IsDead => _ended || _clock.GetElapsedTime(Interlocked.Read(ref _lastBeat)) > _stallAfter;

    public void Beat() => Interlocked.Exchange(ref _lastBeat, _clock.GetTimestamp());

    public void End() => _ended = true;
}
