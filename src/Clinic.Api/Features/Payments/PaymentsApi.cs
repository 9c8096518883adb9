using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>The patient's payments through the bot: create an invoice, check its status, see the balance.</summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPaymentsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/payments/invoice/", CreateInvoice).WithName("CreateInvoice").WithTags("Payments").ProducesErrors(503);
        group.MapGet("/payments/{id:long}/status/", GetStatus).WithName("GetInvoiceStatus").WithTags("Payments").ProducesErrors(400);
        group.MapGet("/payments/balance/", GetBalance).WithName("GetBalance").WithTags("Payments").ProducesErrors(400);
        return group;
    }

    /// <summary>Create an invoice for a visit or the balance</summary>
    /// <remarks>
    /// The bot's "Pay": an invoice for a visit (its service's price) or for the outstanding balance (all of it, or
    /// <c>amount_tiyn</c>), with the QR link the patient pays through (201). The visit's open invoice, or the invoice of a
    /// repeated <c>Idempotency-Key</c>, comes back as 200 instead of a second one.
    /// </remarks>
    /// <response code="404"><c>patient_not_found</c>, or <c>not_found</c>: no such appointment of this patient.</response>
    /// <response code="409"><c>already_paid</c>, <c>nothing_to_pay</c>, <c>not_payable</c> (not a booked or attended visit) or <c>invoice_open</c> (another balance invoice is open).</response>
    /// <response code="503"><c>payments_unavailable</c> (online payment is off on this server) or <c>payment_provider_unavailable</c> (the provider does not answer).</response>
    public static async Task<Results<Created<InvoiceDto>, Ok<InvoiceDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> CreateInvoice(
        CreateInvoiceRequest request, [FromHeader(Name = Idempotency.HeaderName)] string? idempotencyKey,
        ClinicDbContext db, ClinicApiOptions options, IPaymentProvider provider, InvoiceTransitions transitions, TimeProvider clock,
        ILogger<Invoice> logger, CancellationToken cancellationToken)
    {
        if (provider is PaymentsOff)
            return PaymentsOff.Refusal();
        var errors = new FieldErrors();
        if (request.TelegramId <= 0) errors.Add("telegram_id", "Must be a positive Telegram user id.");
        if (request.AppointmentId is <= 0) errors.Add("appointment_id", "Must be a positive id.");
        if (request.AmountTiyn is <= 0) errors.Add("amount_tiyn", "Must be a positive number of tiyn.");
        if (request.AmountTiyn is not null && request.AppointmentId is not null)
            errors.Add("amount_tiyn", "A visit is paid in full: give amount_tiyn only for the balance.");
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > Idempotency.MaxKeyLength))
            errors.Add(Idempotency.HeaderName, $"Must be 1 to {Idempotency.MaxKeyLength} characters.");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var patient = await FindPatientAsync(db, options, request.TelegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);
        if (idempotencyKey is not null && await Invoices(db).SingleOrDefaultAsync(i => i.PatientId == patient.Id && i.IdempotencyKey == idempotencyKey, cancellationToken) is { } replay)
            return TypedResults.Ok(replay.AsDto());

        var now = clock.GetUtcNow().UtcDateTime;
        long amount;
        if (request.AppointmentId is { } appointmentId)
        {
            var visit = await db.Appointments.AsNoTracking().Include(a => a.Service)
                .SingleOrDefaultAsync(a => a.Id == appointmentId && a.PatientId == patient.Id, cancellationToken);
            if (visit is null)
                return Errors.NotFound("No such appointment.");
            if (!Balance.Payable.Contains(visit.Status))
                return Errors.Conflict(ErrorCodes.NotPayable, "Only a booked or attended visit can be paid.");
            if (visit.Service!.PriceTiyn <= 0)
                return Errors.Conflict(ErrorCodes.NothingToPay, "This visit is free of charge.");
            if (await db.Invoices.AnyAsync(i => i.AppointmentId == visit.Id && i.Status == InvoiceStatus.Paid, cancellationToken))
                return Errors.Conflict(ErrorCodes.AlreadyPaid, "This visit is already paid.");
            if (await OpenAsync(db, transitions, i => i.AppointmentId == visit.Id, now, cancellationToken) is { } open)
                return TypedResults.Ok(open.AsDto());
            // An attended visit is part of the balance: if a balance payment already covered it, it is paid.
            if (Balance.Attended.Contains(visit.Status) && await Balance.OfAsync(db, patient.Id, cancellationToken) < visit.Service.PriceTiyn)
                return Errors.Conflict(ErrorCodes.AlreadyPaid, "This visit is already covered by a payment of the balance.");
            amount = visit.Service.PriceTiyn;
        }
        else
        {
            var balance = await Balance.OfAsync(db, patient.Id, cancellationToken);
            if (balance <= 0)
                return Errors.Conflict(ErrorCodes.NothingToPay, "The patient owes nothing.");
            amount = request.AmountTiyn ?? balance;
            if (amount > balance)
                return Errors.Validation("amount_tiyn", $"At most the balance, {balance} tiyn.");
            if (await OpenAsync(db, transitions, i => i.PatientId == patient.Id && i.AppointmentId == null, now, cancellationToken) is { } open)
                return open.AmountTiyn == amount
                    ? TypedResults.Ok(open.AsDto())
                    : Errors.Conflict(ErrorCodes.InvoiceOpen, "Another invoice for the balance is open: pay it or let it expire first.");
        }

        var invoice = new Invoice
        {
            OrganizationId = patient.OrganizationId, PatientId = patient.Id, AppointmentId = request.AppointmentId, AmountTiyn = amount,
            Provider = provider.Name, IdempotencyKey = idempotencyKey, ExpiresAtUtc = now.AddMinutes(options.PaymentExpiryMinutes),
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Invoices.Add(invoice);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A concurrent request created the same invoice first: answer with that one.
            db.ChangeTracker.Clear();
            var winner = await Invoices(db).Where(i => i.PatientId == patient.Id && Invoice.OpenStatuses.Contains(i.Status) && i.AppointmentId == request.AppointmentId
                                                       || idempotencyKey != null && i.PatientId == patient.Id && i.IdempotencyKey == idempotencyKey)
                .OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
            return winner is null
                ? Errors.Conflict(ErrorCodes.InvoiceOpen, "Another invoice was created at the same moment; try again.")
                : TypedResults.Ok(winner.AsDto());
        }

        try
        {
            var payment = await provider.CreateAsync(new ProviderPaymentRequest(invoice.Id, $"invoice-{invoice.Id}", amount), cancellationToken);
            invoice.ProviderPaymentId = payment.PaymentId;
            invoice.PayUrl = payment.PayUrl;
            if (payment.ExpiresAt is { } providerExpiry && providerExpiry.UtcDateTime < invoice.ExpiresAtUtc)
                invoice.ExpiresAtUtc = providerExpiry.UtcDateTime;
            invoice.Status = InvoiceStatus.Waiting;
            invoice.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning(e, "Payment provider {Provider} refused invoice {InvoiceId}", provider.Name, invoice.Id);
            await transitions.ApplyAsync(invoice.Id, ProviderStatus.Failed, CancellationToken.None);
            return TypedResults.Json(new ApiError(ErrorCodes.PaymentProviderUnavailable, "The payment system does not answer; try again in a minute."),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        logger.LogInformation("Invoice {InvoiceId} for {AmountTiyn} tiyn created for patient {PatientId} via {Provider}",
            invoice.Id, amount, patient.Id, provider.Name);
        var created = await Invoices(db).SingleAsync(i => i.Id == invoice.Id, cancellationToken);
        return TypedResults.Created(PaymentRoutes.Status(invoice.Id), created.AsDto());
    }

    /// <summary>Check an invoice's status</summary>
    /// <remarks>
    /// The bot's "Check status": the invoice of this patient (another patient's is a 404). An open invoice is asked about
    /// at the provider once, so a payment just made shows as <c>paid</c>; one whose time is up expires.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such invoice of this patient.</response>
    public static async Task<Results<Ok<InvoiceDto>, NotFound<ApiError>>> GetStatus(
        long id, [FromQuery(Name = "telegram_id")] long telegramId, ClinicDbContext db, ClinicApiOptions options,
        PaymentStatusPoller poller, CancellationToken cancellationToken)
    {
        var owner = db.Patients.OfTelegramUser(options.DefaultOrganizationId, telegramId);
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.OrganizationId == options.DefaultOrganizationId &&
                                                                                 owner.Any(p => p.Id == i.PatientId), cancellationToken);
        if (invoice is null)
            return Errors.NotFound("No such invoice.");
        if (invoice.IsOpen)
            await poller.RefreshAsync(invoice, cancellationToken);
        var fresh = await Invoices(db).SingleAsync(i => i.Id == id, cancellationToken);
        return TypedResults.Ok(fresh.AsDto());
    }

    /// <summary>Read a patient's balance</summary>
    /// <remarks>The bot's "Balance": what the patient owes in tiyn, the invoices they can still pay (newest first) and the visits already paid ahead.</remarks>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
    public static async Task<Results<Ok<BalanceDto>, NotFound<ApiError>>> GetBalance(
        [FromQuery(Name = "telegram_id")] long telegramId, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var patient = await FindPatientAsync(db, options, telegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        var balance = await Balance.OfAsync(db, patient.Id, cancellationToken);
        var open = await Invoices(db).Where(i => i.PatientId == patient.Id && Invoice.OpenStatuses.Contains(i.Status) && i.ExpiresAtUtc > now)
            .OrderByDescending(i => i.Id).Take(20).ToListAsync(cancellationToken);
        var paidAhead = await db.Invoices.Where(i => i.PatientId == patient.Id && i.Status == InvoiceStatus.Paid &&
                                                     i.AppointmentId != null && i.Appointment!.Status == AppointmentStatus.Booked)
            .Select(i => i.AppointmentId!.Value).ToListAsync(cancellationToken);
        return TypedResults.Ok(new BalanceDto(balance, open.Select(i => i.AsDto()).ToList(), paidAhead));
    }

    /// <summary>The open invoice matching <paramref name="filter"/>; one whose time is up is expired first and not returned.</summary>
    private static async Task<Invoice?> OpenAsync(ClinicDbContext db, InvoiceTransitions transitions,
        System.Linq.Expressions.Expression<Func<Invoice, bool>> filter, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var open = await Invoices(db).Where(i => Invoice.OpenStatuses.Contains(i.Status)).Where(filter).FirstOrDefaultAsync(cancellationToken);
        if (open is null || open.ExpiresAtUtc > nowUtc)
            return open;
        await transitions.ExpireAsync(open.Id, cancellationToken);
        return null;
    }

    private static IQueryable<Invoice> Invoices(ClinicDbContext db) =>
        db.Invoices.AsNoTracking().Include(i => i.Appointment).ThenInclude(a => a!.Service);

    private static Task<Patient?> FindPatientAsync(ClinicDbContext db, ClinicApiOptions options, long telegramId, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().OfTelegramUser(options.DefaultOrganizationId, telegramId).SingleOrDefaultAsync(cancellationToken);
}
