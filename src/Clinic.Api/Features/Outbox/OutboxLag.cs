using System.Diagnostics.Metrics;
using Clinic.Api.Data;
using Clinic.Api.Infrastructure.Telemetry;

namespace Clinic.Api.Features.Outbox;

/// <summary>
/// <c>clinic.api.outbox.oldest_due_age</c>: how long the oldest message a sender could claim now has been due. Asked at
/// each collection (a scrape, an OTLP export) with the claim's own question (<see cref="OutboxApi.Due"/>), so it keeps
/// growing when no bot claims at all, and rows nobody will send (a patient who blocked the bot) never look late.
/// </summary>
public sealed class OutboxLag
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ClinicApiOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxLag> _logger;

    public OutboxLag(IMeterFactory meters, IServiceScopeFactory scopes, ClinicApiOptions options, TimeProvider clock, ILogger<OutboxLag> logger)
    {
        _scopes = scopes;
        _options = options;
        _clock = clock;
        _logger = logger;
        meters.Create(ApiMetrics.MeterName).CreateObservableGauge("clinic.api.outbox.oldest_due_age", Measure, "s",
            "How long the oldest message a sender could claim now has been due; 0 when none is.");
    }

    private Measurement<double>[] Measure()
    {
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var now = _clock.GetUtcNow().UtcDateTime;
            var oldest = OutboxApi.Due(db, _options.DefaultOrganizationId, now).Min(m => (DateTime?)m.DueAtUtc);
            return [new Measurement<double>(oldest is { } due ? (now - due).TotalSeconds : 0)];
        }
        catch (Exception error)
        {
            // No database, no value: an absent series is what an alert notices; a made-up 0 would hide the outage.
            _logger.LogWarning("The outbox's oldest due message could not be measured: {Reason}", error.Message);
            return [];
        }
    }
}
