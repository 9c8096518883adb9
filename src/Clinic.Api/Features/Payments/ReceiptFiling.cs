using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Documents;
using Clinic.Api.Features.Documents.Pdf;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>
/// Files the receipt of a paid invoice and queues its <c>payment_receipt</c> message, once. The payment is committed
/// before (<see cref="InvoiceTransitions.MarkPaidAsync"/>), so a receipt that cannot be printed or stored now never
/// undoes a payment: the invoice stays paid with no receipt (<see cref="Invoice.ReceiptDocumentId"/> null), and the
/// polling job tries again with growing waits (<see cref="Receipts.NextTryUtc"/>), the invoice's <c>updated_at</c>
/// marking the last try.
/// </summary>
public sealed class ReceiptFiling(ClinicDbContext db, IDocumentStorage storage, ClinicApiOptions options, TimeProvider clock,
    ILogger<ReceiptFiling> logger)
{
    /// <summary>A receipt still missing this long after payment is left to staff: retrying for ever only fills the log.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(7);

    /// <summary>Files the receipt if the invoice is paid and has none. True when this call filed it; never throws but on cancel.</summary>
    public async Task<bool> TryFileAsync(long invoiceId, CancellationToken cancellationToken)
    {
        try
        {
            return await FileAsync(invoiceId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The receipt of paid invoice {InvoiceId} could not be filed; it is tried again later", invoiceId);
            db.ChangeTracker.Clear();
            await NoteFailedTryAsync(invoiceId);
            return false;
        }
    }

    /// <summary>Stamps the try on the invoice, so the next waits longer; best effort, as the database may be what failed.</summary>
    private async Task NoteFailedTryAsync(long invoiceId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.Invoices.Where(i => i.Id == invoiceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAtUtc, now), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The failed receipt try of invoice {InvoiceId} could not be noted", invoiceId);
        }
    }

    /// <summary>One round over paid invoices without a receipt whose next try is due. Returns how many were filed.</summary>
    public async Task<int> FilePendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - GiveUpAfter;
        var period = TimeSpan.FromSeconds(options.PaymentPollSeconds);
        var pending = await db.Invoices.AsNoTracking()
            .Where(i => i.Status == InvoiceStatus.Paid && i.ReceiptDocumentId == null && i.PaidAtUtc > since && i.Patient!.DeletedAtUtc == null)
            .OrderBy(i => i.PaidAtUtc).Take(PaymentStatusPoller.BatchSize)
            .Select(i => new { i.Id, PaidAtUtc = i.PaidAtUtc!.Value, i.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        var filed = 0;
        foreach (var invoice in pending.Where(i => Receipts.NextTryUtc(i.PaidAtUtc, i.UpdatedAtUtc, period) <= now))
            if (await TryFileAsync(invoice.Id, cancellationToken))
                filed++;
        return filed;
    }

    /// <summary>
    /// Prints first, outside any transaction; then in one write transaction the document row and a conditional
    /// <c>UPDATE ... SET receipt_document_id WHERE receipt_document_id IS NULL</c>, which only one of racing callers wins.
    /// </summary>
    private async Task<bool> FileAsync(long invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Patient)
            .Include(i => i.Appointment).ThenInclude(a => a!.Service)
            .Include(i => i.Appointment).ThenInclude(a => a!.Branch)
            .SingleOrDefaultAsync(i => i.Id == invoiceId && i.Status == InvoiceStatus.Paid && i.ReceiptDocumentId == null, cancellationToken);
        if (invoice is null)
            return false;
        var receipt = await Receipts.PrintAsync(db, options, clock, invoice, cancellationToken);

        await using var transaction = await BookingTransaction.BeginAsync(db, cancellationToken);
        var document = await DocumentStore.SaveAsync(db, storage, invoice.PatientId, DocumentKind.Receipt, ReceiptPdf.Title(receipt.Language),
            receipt.Number, receipt.IssueDate, receipt.Pdf, FileSignatures.Pdf.ContentType, clock, invoice.AppointmentId, cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var won = await db.Invoices
                .Where(i => i.Id == invoiceId && i.Status == InvoiceStatus.Paid && i.ReceiptDocumentId == null)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.ReceiptDocumentId, document.Id)
                    .SetProperty(i => i.UpdatedAtUtc, now.UtcDateTime), cancellationToken);
            if (won == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                await storage.DeleteAsync(document.StorageKey, CancellationToken.None);
                return false;
            }
            Outbox.Outbox.Enqueue(db, invoice.OrganizationId, invoice.PatientId, OutboxKinds.PaymentReceipt,
                new PaymentReceiptPayload(invoice.Id, document.Id, invoice.AmountTiyn), now, now, invoice.AppointmentId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The row is rolled back with the transaction; its file must not outlive it.
            await storage.DeleteAsync(document.StorageKey, CancellationToken.None);
            throw;
        }
        logger.LogInformation("Receipt {DocumentId} filed for invoice {InvoiceId}", document.Id, invoiceId);
        return true;
    }
}
