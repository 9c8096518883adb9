namespace Clinic.Contracts;

/// <summary>
/// How long the API and the bot take to stop: what is in flight (an update being handled, outbox sends, which may take
/// up to their own 30 s limit, their reports, released leases) gets this long. docker-compose.yml's <c>stop_grace_period</c> is longer, so Docker
/// never kills a process that is still stopping cleanly.
/// </summary>
public static class HostShutdown
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
}
