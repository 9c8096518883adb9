namespace Clinic.Contracts;

/// <summary>The one error shape of the API: <c>{ "code", "message", "errors": { field: [..] } }</c>.</summary>
public sealed record ApiError(string Code, string Message, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>Machine-readable error codes. The bot explains each in the user's language.</summary>
public static class ErrorCodes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string ValidationFailed = "validation_failed";
    public const string InvalidJson = "invalid_json";
    public const string NotFound = "not_found";
    public const string PatientNotFound = "patient_not_found";
    public const string SlotTaken = "slot_taken";
    public const string SlotUnavailable = "slot_unavailable";
    public const string PatientOverlap = "patient_overlap";
    public const string TooLate = "too_late";
    public const string NotChangeable = "not_changeable";
    public const string TooEarly = "too_early";
    public const string HoldExpired = "hold_expired";
    public const string ConsentRequired = "consent_required";
    public const string IinTaken = "iin_taken";
    /// <summary>429: the Telegram user looked up too many IINs this hour.</summary>
    public const string TooManyIinAttempts = "too_many_iin_attempts";
    public const string IdempotencyConflict = "idempotency_conflict";
    public const string Internal = "internal_error";
    /// <summary>429 from the rate limiter of the public routes or the webhook.</summary>
    public const string RateLimited = "rate_limited";
    // Documents
    public const string NoSupportingVisit = "no_supporting_visit";
    public const string UnsupportedFileType = "unsupported_file_type";
    public const string FileTooLarge = "file_too_large";
    // Feedback
    public const string VisitNotFulfilled = "visit_not_fulfilled";
    public const string ScoreRequired = "score_required";
    // Payments
    public const string AlreadyPaid = "already_paid";
    public const string NothingToPay = "nothing_to_pay";
    public const string NotPayable = "not_payable";
    public const string InvoiceOpen = "invoice_open";
    public const string PaymentProviderUnavailable = "payment_provider_unavailable";
    public const string NotRefundable = "not_refundable";
    /// <summary>503: neither Kaspi nor the payment sandbox is configured, so online payment is off.</summary>
    public const string PaymentsUnavailable = "payments_unavailable";
    // Outbox
    public const string LeaseLost = "lease_lost";
    // Support
    public const string TicketClosed = "ticket_closed";
    // Broadcasts
    public const string InvalidHtml = "invalid_html";
    public const string BroadcastNotChangeable = "broadcast_not_changeable";
}
