using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>Staff's side of payments (<c>/api/admin/</c>, the staff token): returning a paid invoice's money.</summary>
public static class StaffPaymentsApi
{
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapStaffPaymentsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/payments/{id:long}/refund/", Refund).WithName("RefundInvoice").WithTags("Staff").ProducesErrors(503);
        return group;
    }

    /// <summary>Refund a paid invoice</summary>
    /// <remarks>
    /// Staff return the whole amount of a paid invoice through its provider; the invoice becomes <c>refunded</c> and the
    /// patient is told in the bot. The invoice is taken first (<c>paid</c> → <c>refunded</c>, a conditional update), so two
    /// staff members pressing at once return the money once; if the provider then refuses or does not answer, it goes
    /// back to <c>paid</c>. A refunded invoice is answered as it is.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such invoice.</response>
    /// <response code="409"><c>not_refundable</c>: the invoice is not paid, or was paid through a provider this server no longer uses.</response>
    /// <response code="503"><c>payment_provider_unavailable</c>: the provider did not return the money; the invoice stays paid.</response>
    public static async Task<Results<Ok<InvoiceDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> Refund(
        long id, InvoiceRefundRequest? request, ClinicDbContext db, ClinicApiOptions options, IPaymentProvider provider, TimeProvider clock,
        ILogger<Invoice> logger, CancellationToken cancellationToken)
    {
        var reason = request?.Reason?.Trim();
        if (reason is { Length: > MaxReasonLength })
            return Errors.Validation("reason", $"At most {MaxReasonLength} characters.");

        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.OrganizationId == options.DefaultOrganizationId, cancellationToken);
        if (invoice is null)
            return Errors.NotFound("No such invoice.");
        if (invoice.Status == InvoiceStatus.Refunded)
            return TypedResults.Ok(await DtoAsync(db, id, cancellationToken));
        if (invoice.Status != InvoiceStatus.Paid)
            return Errors.Conflict(ErrorCodes.NotRefundable, $"Only a paid invoice can be refunded; this one is {ClinicDbContext.SnakeCase(invoice.Status.ToString())}.");
        if (invoice.Provider != provider.Name || invoice.ProviderPaymentId is null)
            return Errors.Conflict(ErrorCodes.NotRefundable, $"This invoice was paid through '{invoice.Provider}', which this server no longer uses; refund it there.");

        var now = clock.GetUtcNow();
        var taken = await db.Invoices.Where(i => i.Id == id && i.Status == InvoiceStatus.Paid).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, InvoiceStatus.Refunded)
            .SetProperty(i => i.RefundedAtUtc, now.UtcDateTime)
            .SetProperty(i => i.RefundReason, reason)
            .SetProperty(i => i.UpdatedAtUtc, now.UtcDateTime), cancellationToken);
        if (taken == 0)
            return TypedResults.Ok(await DtoAsync(db, id, cancellationToken)); // another refund of it just went ahead

        string refundId;
        try
        {
            refundId = await provider.RefundAsync(invoice.ProviderPaymentId, invoice.AmountTiyn, cancellationToken);
        }
        catch (Exception e) when (e is PaymentProviderException or OperationCanceledException)
        {
            logger.LogWarning(e, "Payment provider {Provider} did not refund invoice {InvoiceId}", provider.Name, id);
            await db.Invoices.Where(i => i.Id == id && i.Status == InvoiceStatus.Refunded).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InvoiceStatus.Paid)
                .SetProperty(i => i.RefundedAtUtc, (DateTime?)null)
                .SetProperty(i => i.RefundReason, (string?)null)
                .SetProperty(i => i.UpdatedAtUtc, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
            return TypedResults.Json(new ApiError(ErrorCodes.PaymentProviderUnavailable, $"The payment system did not return the money: {e.Message}"),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // The money is back: record the provider's id and tell the patient, together.
        await using (var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None))
        {
            await db.Invoices.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProviderRefundId, refundId), CancellationToken.None);
            Outbox.Outbox.Enqueue(db, invoice.OrganizationId, invoice.PatientId, OutboxKinds.PaymentRefund,
                new PaymentRefundPayload(invoice.Id, invoice.AmountTiyn, invoice.AppointmentId), now, now, invoice.AppointmentId);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        logger.LogInformation("Invoice {InvoiceId} refunded ({AmountTiyn} tiyn via {Provider}, return {RefundId})",
            id, invoice.AmountTiyn, provider.Name, refundId);
        return TypedResults.Ok(await DtoAsync(db, id, cancellationToken));
    }

    private static async Task<InvoiceDto> DtoAsync(ClinicDbContext db, long id, CancellationToken cancellationToken) =>
        (await db.Invoices.AsNoTracking().Include(i => i.Appointment).ThenInclude(a => a!.Service)
            .SingleAsync(i => i.Id == id, cancellationToken)).AsDto();
}
