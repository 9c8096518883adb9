using System.Collections;
using System.Diagnostics;
using Clinic.Bot.Tests.Infrastructure;
using Clinic.Bot.Tests.Notifications;
using Clinic.Telegram.Fake;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Clinic.Bot.Tests.Telemetry;

/// <summary>
/// The whole system with an in-memory trace exporter in the API and in the bot (both write into <see cref="Spans"/>, as two
/// processes would send to one collector), and an outbox sender set faster than the fake Telegram allows, so it meets 429s.
/// </summary>
public sealed class TracedEnvironment : OutboxTestEnvironment
{
    /// <summary>METRICS_TOKEN of both hosts: as long as production requires (they run in Production).</summary>
    public const string MetricsToken = "test-metrics-token-0123456789abcdef";

    public SpanCollection Spans { get; } = new();

    /// <summary>Kaspi at a closed port (every call fails: a Kaspi error), and a payment-poll round every second.</summary>
    protected override IReadOnlyDictionary<string, string?>? ApiSettings => new Dictionary<string, string?>
    {
        ["METRICS_TOKEN"] = MetricsToken,
        ["PAYMENT_POLL_SECONDS"] = "1",
        ["KASPI_API_KEY"] = "test-kaspi-key",
        ["KASPI_BASE_URL"] = $"http://127.0.0.1:{FreePort.Next()}/",
        ["KASPI_TIMEOUT_SECONDS"] = "2",
    };

    protected override FakeTelegramOptions? TelegramOptions => new() { GlobalMessagesPerSecond = 10, PerChatMessagesPerSecond = 1 };

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["OUTBOX_RATE_PER_SECOND"] = "40",
        ["METRICS_TOKEN"] = MetricsToken,
    };

    protected override void ConfigureApi(IServiceCollection services) => Export(services);

    protected override void ConfigureBot(IServiceCollection services)
    {
        base.ConfigureBot(services);
        Export(services);
    }

    private void Export(IServiceCollection services) => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans));
}

/// <summary>Finished spans, safe to add to from both hosts' exporters at once.</summary>
public sealed class SpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
            return _spans.ToList();
    }

    public void Add(Activity item)
    {
        lock (_gate)
            _spans.Add(item);
    }

    public void Clear()
    {
        lock (_gate)
            _spans.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (_gate)
            return _spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate)
            _spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_gate)
            return _spans.Remove(item);
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _spans.Count;
        }
    }

    public bool IsReadOnly => false;

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
