using System.Text.Json;

namespace Clinic.Contracts;

/// <summary>Lifecycle of one message the clinic sends to a patient.</summary>
public enum OutboxStatus { Pending, Claimed, Sent, Failed, Blocked, Cancelled }

/// <summary>
/// What an outbox row is. The API writes the kind and a payload of plain facts (ids, times, amounts);
/// the bot renders the message in the patient's language at send time, one renderer per kind.
/// </summary>
public static class OutboxKinds
{
    public const string Reminder = "reminder";
    public const string NpsSurvey = "nps_survey";
    public const string PaymentReceipt = "payment_receipt";
    public const string PaymentRefund = "payment_refund";
    public const string TicketReply = "ticket_reply";
    public const string Broadcast = "broadcast";
}

/// <summary>One message handed to the bot to send: who to, in which language, and the facts to render.</summary>
public sealed record OutboxItemDto(
    long Id,
    string Kind,
    long PatientId,
    long TelegramId,
    Language Language,
    JsonElement Payload,
    int Attempts,
    DateTimeOffset DueAt,
    DateTimeOffset LeaseUntil);

/// <summary>
/// <c>POST /api/bot/outbox/claim</c>: lease up to <see cref="Limit"/> due rows (1–500) for <see cref="LeaseSeconds"/> (5–3600).
/// A row is due when it is <c>pending</c> (or <c>claimed</c> with an expired lease) and its due time has come; rows of patients
/// who blocked the bot, and reminder rows of patients who turned reminders off, are left alone; broadcast rows of patients
/// who opted out of clinic news since the broadcast was planned are cancelled (error <c>news_opted_out</c>).
/// </summary>
public sealed record OutboxClaimRequest(int Limit = 50, int LeaseSeconds = 60);

/// <summary>The lease (one id for every row of this claim) and the rows, oldest due first.</summary>
public sealed record OutboxClaimResponse(Guid LeaseId, DateTimeOffset LeaseUntil, IReadOnlyList<OutboxItemDto> Items);

/// <summary>What happened to a claimed row.</summary>
public enum OutboxOutcome
{
    /// <summary>Telegram accepted it: <c>sent</c> with the message id.</summary>
    Sent,
    /// <summary>It failed: back to <c>pending</c> after <c>retry_after_seconds</c> (or a backoff) until the attempts run out, then <c>failed</c>; <c>permanent</c> fails it at once.</summary>
    Failed,
    /// <summary>Telegram answered 403: the row is <c>blocked</c> and the patient marked as having blocked the bot.</summary>
    Blocked,
    /// <summary>Not sent (the sender is stopping): back to <c>pending</c> with the same due time, the attempt not counted.</summary>
    Released,
    /// <summary>No longer worth sending (e.g. the visit was cancelled or has started): <c>cancelled</c>.</summary>
    Cancelled,
}

/// <summary>
/// <c>POST /api/bot/outbox/{id}/result</c>. Idempotent: repeating the report of the same lease answers the row's state again.
/// A report for a row this lease no longer holds (another claim took it) is a 409 <c>lease_lost</c>.
/// </summary>
public sealed record OutboxResultRequest(
    Guid LeaseId,
    OutboxOutcome Outcome,
    long? TelegramMessageId = null,
    string? Error = null,
    int? RetryAfterSeconds = null,
    bool Permanent = false);

/// <summary>A row's state after a report.</summary>
public sealed record OutboxRowStateDto(long Id, OutboxStatus Status, int Attempts, DateTimeOffset DueAt, long? TelegramMessageId, string? Error);

/// <summary>One row's result in <see cref="OutboxResultsRequest"/>: the fields of <see cref="OutboxResultRequest"/> and the row's id.</summary>
public sealed record OutboxResultItem(
    long Id,
    Guid LeaseId,
    OutboxOutcome Outcome,
    long? TelegramMessageId = null,
    string? Error = null,
    int? RetryAfterSeconds = null,
    bool Permanent = false)
{
    public OutboxResultRequest ToRequest() => new(LeaseId, Outcome, TelegramMessageId, Error, RetryAfterSeconds, Permanent);

    public static OutboxResultItem From(long id, OutboxResultRequest r) =>
        new(id, r.LeaseId, r.Outcome, r.TelegramMessageId, r.Error, r.RetryAfterSeconds, r.Permanent);
}

/// <summary>
/// <c>POST /api/bot/outbox/results</c>: the results of up to 500 rows (each id once) recorded in one write, each exactly as
/// <see cref="OutboxResultRequest"/> would record it. A bad item refuses the whole request (400); a row another lease took
/// or that does not exist is answered in its own entry and does not stop the others.
/// </summary>
public sealed record OutboxResultsRequest(IReadOnlyList<OutboxResultItem> Results);

/// <summary>One row's answer: its state, or the code of why the result was not recorded (<c>lease_lost</c>, <c>not_found</c>).</summary>
public sealed record OutboxResultAnswer(long Id, OutboxRowStateDto? Row, string? ErrorCode);

/// <summary>The answers to <see cref="OutboxResultsRequest"/>, in the order of its results.</summary>
public sealed record OutboxResultsResponse(IReadOnlyList<OutboxResultAnswer> Results);

/// <summary>
/// <c>POST /api/bot/outbox/leases/{lease_id}/extend</c>: the sender still holds this claim's unreported rows; they stay
/// leased for another <see cref="LeaseSeconds"/> (5–3600) from now, so a slow sender never sees its rows claimed again.
/// </summary>
public sealed record OutboxLeaseExtendRequest(int LeaseSeconds = 60);

/// <summary>The lease after an extension: the rows it still holds (0 when every row was reported or another claim took it).</summary>
public sealed record OutboxLeaseDto(Guid LeaseId, DateTimeOffset LeaseUntil, int Rows);

/// <summary>Routes of the outbox (bot side).</summary>
public static class OutboxRoutes
{
    public const string Claim = "/api/bot/outbox/claim";
    public static string Result(long id) => $"/api/bot/outbox/{id}/result";
    public const string Results = "/api/bot/outbox/results";
    public static string ExtendLease(Guid leaseId) => $"/api/bot/outbox/leases/{leaseId}/extend";
}
