using Clinic.Api.Data;
using Clinic.Api.Infrastructure.Telemetry;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>Brings open invoices up to date with their provider: once per invoice on request, or all of them per round.</summary>
public sealed class PaymentStatusPoller(ClinicDbContext db, IPaymentProvider provider, InvoiceTransitions transitions, TimeProvider clock,
    ILogger<PaymentStatusPoller> logger)
{
    public const int BatchSize = 100;

    /// <summary>Expires the invoice when its time is up, else asks the provider once and applies the answer.</summary>
    public async Task RefreshAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.ExpiresAtUtc <= clock.GetUtcNow().UtcDateTime)
        {
            // The provider may still have taken the money at the last moment: ask before giving up.
            if (await AskAsync(invoice, cancellationToken) is ProviderStatus.Paid)
                await transitions.ApplyAsync(invoice.Id, ProviderStatus.Paid, cancellationToken);
            else
                await transitions.ExpireAsync(invoice.Id, cancellationToken);
            return;
        }
        if (await AskAsync(invoice, cancellationToken) is { } status)
            await transitions.ApplyAsync(invoice.Id, status, cancellationToken);
    }

    /// <summary>One round over the open invoices, oldest first. Returns how many were asked about.</summary>
    public async Task<int> PollOpenAsync(CancellationToken cancellationToken)
    {
        var open = await db.Invoices.AsNoTracking().Where(i => Invoice.OpenStatuses.Contains(i.Status))
            .OrderBy(i => i.UpdatedAtUtc).ThenBy(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var invoice in open)
        {
            try
            {
                await RefreshAsync(invoice, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Payment status of invoice {InvoiceId} could not be updated", invoice.Id);
            }
        }
        return open.Count;
    }

    /// <summary>The provider's answer, or null when this invoice is not the current provider's or the provider cannot tell now.</summary>
    private async Task<ProviderStatus?> AskAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.ProviderPaymentId is null || invoice.Provider != provider.Name)
            return null;
        try
        {
            return await provider.GetStatusAsync(invoice.ProviderPaymentId, cancellationToken);
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning("Payment status of invoice {InvoiceId} unknown for now: {Reason}", invoice.Id, e.Message);
            return null;
        }
    }
}

/// <summary>
/// The background job: every PAYMENT_POLL_SECONDS it asks the provider about open invoices until each is paid, failed
/// or expired (PAYMENT_EXPIRY_MINUTES after creation), then files the receipts that could not be filed when their invoice
/// was paid. Marking paid and filing a receipt are idempotent, so overlapping with a patient's own "Check status" is harmless.
/// </summary>
public sealed class PaymentPollingService(IServiceScopeFactory scopes, ClinicApiOptions options, TimeProvider clock,
    ApiMetrics metrics, ILogger<PaymentPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A pause after each round rather than a periodic timer: a round that runs long, or a clock that jumps ahead (a
        // suspended machine, a test's fake clock), is followed by one round, not by every tick it missed.
        var period = TimeSpan.FromSeconds(options.PaymentPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PaymentStatusPoller>().PollOpenAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ReceiptFiling>().FilePendingAsync(stoppingToken);
                metrics.PaymentPollRound(ok: true);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics.PaymentPollRound(ok: false);
                logger.LogError(e, "A round of payment polling failed");
            }
        }
    }
}
