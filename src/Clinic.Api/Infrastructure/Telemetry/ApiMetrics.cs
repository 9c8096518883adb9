using System.Diagnostics.Metrics;

namespace Clinic.Api.Infrastructure.Telemetry;

/// <summary>
/// The API's meter <c>Clinic.Api</c>: the counters features add to (docs/operations.md lists each instrument and what to
/// alert on). The outbox's lag is an observable gauge of the same meter (<see cref="Features.Outbox.OutboxLag"/>).
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "Clinic.Api";

    private readonly Counter<long> _bookings;
    private readonly Counter<long> _paymentPollRounds;
    private readonly Counter<long> _kaspiErrors;

    public ApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _bookings = meter.CreateCounter<long>("clinic.api.bookings", "{booking}",
            "Booking requests (create and reschedule) by outcome: booked, held, or the error code such as slot_taken.");
        _paymentPollRounds = meter.CreateCounter<long>("clinic.api.payments.poll.rounds", "{round}",
            "Rounds of the payment-status job over the open invoices, by outcome (ok, failed).");
        _kaspiErrors = meter.CreateCounter<long>("clinic.api.kaspi.errors", "{error}",
            "Kaspi QR calls that failed, by operation and reason (timeout, unreachable, invalid_answer, refused).");
    }

    public void Booking(string operation, string outcome) =>
        _bookings.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    public void PaymentPollRound(bool ok) => _paymentPollRounds.Add(1, new KeyValuePair<string, object?>("outcome", ok ? "ok" : "failed"));

    public void KaspiError(string operation, string reason) =>
        _kaspiErrors.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("reason", reason));
}
