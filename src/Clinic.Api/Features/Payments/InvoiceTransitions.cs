using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>
/// The only writer of an invoice's status after creation. Every change is a conditional update on the current status,
/// so retries, the poller and a patient's "Check status" racing each other change an invoice once: the first paid
/// update wins and files the receipt (<see cref="ReceiptFiling"/>); the others change nothing.
/// </summary>
public sealed class InvoiceTransitions(ClinicDbContext db, ReceiptFiling receipts, TimeProvider clock, ILogger<InvoiceTransitions> logger)
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
    /// Paid exactly once: <c>UPDATE ... WHERE status NOT IN (paid, refunded)</c> decides, and is committed on its own,
    /// so nothing after it (a receipt that cannot be printed or stored) can leave paid money unrecorded. The winner then
    /// files the receipt and queues its message (<see cref="ReceiptFiling"/>, retried by the polling job if it fails).
    /// Money that arrives after expiry still counts.
    /// </summary>
    public async Task<bool> MarkPaidAsync(long invoiceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Invoices
            .Where(i => i.Id == invoiceId && i.Status != InvoiceStatus.Paid && i.Status != InvoiceStatus.Refunded)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InvoiceStatus.Paid)
                .SetProperty(i => i.PaidAtUtc, now)
                .SetProperty(i => i.UpdatedAtUtc, now), cancellationToken);
        if (changed == 0)
            return false;
        var paid = await db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId)
            .Select(i => new { i.AmountTiyn, i.Provider }).SingleAsync(cancellationToken);
        logger.LogInformation("Invoice {InvoiceId} paid ({AmountTiyn} tiyn via {Provider})", invoiceId, paid.AmountTiyn, paid.Provider);
        await receipts.TryFileAsync(invoiceId, cancellationToken);
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
