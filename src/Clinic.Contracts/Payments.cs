namespace Clinic.Contracts;

/// <summary>Lifecycle of an invoice. <c>paid</c>, <c>failed</c>, <c>expired</c> and <c>refunded</c> are final.</summary>
public enum InvoiceStatus { Created, Waiting, Paid, Failed, Expired, Refunded }

/// <summary>
/// Asks for an invoice. With <see cref="AppointmentId"/>: that visit, for its service's price. Without: the outstanding
/// balance (visits the patient came to that no paid invoice covers), all of it or <see cref="AmountTiyn"/> of it.
/// </summary>
public sealed record CreateInvoiceRequest(long TelegramId, long? AppointmentId = null, long? AmountTiyn = null);

/// <summary>An invoice; <see cref="PayUrl"/> is what the QR code encodes and the "Pay in Kaspi" button opens.</summary>
public sealed record InvoiceDto(
    long Id,
    long? AppointmentId,
    long AmountTiyn,
    InvoiceStatus Status,
    string Provider,
    string? PayUrl,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset CreatedAt,
    string? ServiceNameRu = null,
    string? ServiceNameKk = null,
    DateTimeOffset? VisitStart = null,
    DateTimeOffset? RefundedAt = null,
    string? ServiceNameEn = null);

/// <summary>
/// What the patient owes (tiyn), their invoices that can still be paid, and the booked visits already paid ahead
/// (not to be offered for payment again).
/// </summary>
public sealed record BalanceDto(long BalanceTiyn, IReadOnlyList<InvoiceDto> UnpaidInvoices, IReadOnlyList<long> PaidAheadAppointmentIds);

public static class PaymentRoutes
{
    public const string Invoice = "/api/bot/payments/invoice/";
    public const string Balance = "/api/bot/payments/balance/";
    public static string Status(long id) => $"/api/bot/payments/{id}/status/";
    public static string SandboxPage(string token) => $"/pay/sandbox/{Uri.EscapeDataString(token)}";
    /// <summary>Staff: return a paid invoice's money to the patient.</summary>
    public static string StaffRefund(long id) => $"{Routes.AdminPrefix}/payments/{id}/refund/";
}

/// <summary>
/// <c>POST /api/admin/payments/{id}/refund/</c>: the whole amount of a paid invoice goes back through its provider (Kaspi's
/// <c>payment/return</c>); the invoice becomes <c>refunded</c> and the patient gets a message. Refunding a refunded
/// invoice again answers it as it is; any other status is 409 <c>not_refundable</c>.
/// </summary>
public sealed record InvoiceRefundRequest(string? Reason = null);

/// <summary>Payload of an outbox row of kind <see cref="OutboxKinds.PaymentReceipt"/>: the bot sends a message and the receipt PDF.</summary>
public sealed record PaymentReceiptPayload(long InvoiceId, long DocumentId, long AmountTiyn);

/// <summary>Payload of an outbox row of kind <see cref="OutboxKinds.PaymentRefund"/>: the bot tells the patient the money went back.</summary>
public sealed record PaymentRefundPayload(long InvoiceId, long AmountTiyn, long? AppointmentId);
