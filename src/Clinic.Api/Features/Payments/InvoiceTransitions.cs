using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Documents;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>
/// The only writer of an invoice's status after creation. Every change is a conditional update on the current status,
/// so retries, the poller and a patient's "Check status" racing each other change an invoice once: the first paid
/// update wins, files the receipt and plans the receipt message in the same transaction; the others change nothing.
/// </summary>
public sealed class InvoiceTransitions(ClinicDbContext db, IDocumentStorage storage, ClinicApiOptions options, TimeProvider clock,
    ILogger<InvoiceTransitions> logger)
{
    /// <summary>Applies what the provider said; true when this call changed the invoice.</summary>
    public Task<bool> ApplyAsync(long invoiceId, ProviderStatus status, CancellationToken cancellationToken) => status switch
    {
        ProviderStatus.Paid => MarkPaidAsync(invoiceId, cancellationToken),
        ProviderStatus.Failed => MoveAsync(invoiceId, InvoiceStatus.Failed, cancellationToken),
        ProviderStatus.Waiting => MoveAsync(invoiceId, InvoiceStatus.Waiting, cancellationToken, from: [InvoiceStatus.Created]),
        _ => Task.FromResult(false),
    };

    /// <summary>An open invoice past its expiry becomes expired (the poller stops asking the provider about it).</summary>
    public Task<bool> ExpireAsync(long invoiceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return MoveAsync(invoiceId, InvoiceStatus.Expired, cancellationToken, onlyIfExpiredBy: now);
    }

    /// <summary>
    /// Paid exactly once: <c>UPDATE ... WHERE status NOT IN (paid, refunded)</c> decides, inside one write transaction with
    /// the receipt document and the <c>payment_receipt</c> outbox row. Money that arrives after expiry still counts.
    /// </summary>
    public async Task<bool> MarkPaidAsync(long invoiceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await BookingTransaction.BeginAsync(db, cancellationToken);
        var changed = await db.Invoices
            .Where(i => i.Id == invoiceId && i.Status != InvoiceStatus.Paid && i.Status != InvoiceStatus.Refunded)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InvoiceStatus.Paid)
                .SetProperty(i => i.PaidAtUtc, now.UtcDateTime)
                .SetProperty(i => i.UpdatedAtUtc, now.UtcDateTime), cancellationToken);
        if (changed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var invoice = await db.Invoices.Include(i => i.Patient)
            .Include(i => i.Appointment).ThenInclude(a => a!.Service)
            .Include(i => i.Appointment).ThenInclude(a => a!.Branch)
            .SingleAsync(i => i.Id == invoiceId, cancellationToken);
        var receipt = await Receipts.FileAsync(db, storage, options, clock, invoice, cancellationToken);
        invoice.ReceiptDocumentId = receipt.Id;
        Outbox.Outbox.Enqueue(db, invoice.OrganizationId, invoice.PatientId, OutboxKinds.PaymentReceipt,
            new PaymentReceiptPayload(invoice.Id, receipt.Id, invoice.AmountTiyn), now, now, invoice.AppointmentId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Invoice {InvoiceId} paid ({AmountTiyn} tiyn via {Provider}); receipt {DocumentId}",
            invoice.Id, invoice.AmountTiyn, invoice.Provider, receipt.Id);
        return true;
    }

    private async Task<bool> MoveAsync(long invoiceId, InvoiceStatus to, CancellationToken cancellationToken,
        InvoiceStatus[]? from = null, DateTime? onlyIfExpiredBy = null)
    {
        from ??= Invoice.OpenStatuses;
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Invoices.Where(i => i.Id == invoiceId && from.Contains(i.Status));
        if (onlyIfExpiredBy is { } cutoff)
            query = query.Where(i => i.ExpiresAtUtc <= cutoff);
        var changed = await query.ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, to)
            .SetProperty(i => i.UpdatedAtUtc, now), cancellationToken);
        if (changed > 0)
            logger.LogInformation("Invoice {InvoiceId} is now {Status}", invoiceId, to);
        return changed > 0;
    }
}
