using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;

namespace Clinic.Api.Features.Payments;

/// <summary>
/// A request for money from a patient: for one visit, or for the outstanding balance (<see cref="AppointmentId"/> null).
/// Amounts are integer tiyn. The provider's side of it (payment id, pay link) is filled in once the provider answers.
/// </summary>
public sealed class Invoice
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }
    public long? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public long AmountTiyn { get; set; }
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Created;
    /// <summary><c>kaspi</c> or <c>sandbox</c>: the provider that holds the payment.</summary>
    public required string Provider { get; set; }
    /// <summary>The provider's payment id (Kaspi's QrPaymentId), polled for the status.</summary>
    public string? ProviderPaymentId { get; set; }
    /// <summary>What the QR code encodes and the pay button opens.</summary>
    public string? PayUrl { get; set; }
    /// <summary>The client's Idempotency-Key: a retried request gets this invoice back.</summary>
    public string? IdempotencyKey { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? PaidAtUtc { get; set; }
    /// <summary>When staff returned the money (status <c>refunded</c>), why, and the provider's id of the return.</summary>
    public DateTime? RefundedAtUtc { get; set; }
    public string? RefundReason { get; set; }
    public string? ProviderRefundId { get; set; }
    /// <summary>The receipt filed when the invoice was paid.</summary>
    public long? ReceiptDocumentId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public static readonly InvoiceStatus[] OpenStatuses = [InvoiceStatus.Created, InvoiceStatus.Waiting];

    public bool IsOpen => Status is InvoiceStatus.Created or InvoiceStatus.Waiting;

    public InvoiceDto AsDto() => new(
        Id, AppointmentId, AmountTiyn, Status, Provider, PayUrl, Utc.ToOffset(ExpiresAtUtc),
        PaidAtUtc.HasValue ? Utc.ToOffset(PaidAtUtc.Value) : null, Utc.ToOffset(CreatedAtUtc),
        Appointment?.Service?.NameRu, Appointment?.Service?.NameKk,
        Appointment is null ? null : Utc.ToOffset(Appointment.StartUtc),
        RefundedAtUtc.HasValue ? Utc.ToOffset(RefundedAtUtc.Value) : null,
        Appointment?.Service?.NameEn);
}
