using Clinic.Api.Data;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Outbox;
using Clinic.Api.Features.Patients;
using Clinic.Api.Features.Slots;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Appointments;

public static class AppointmentsApi
{
    public static RouteGroupBuilder MapAppointmentsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/appointments/", Create).WithName("CreateAppointment").WithTags("Appointments").CountsBookings("create");
        group.MapGet("/appointments/my/", GetMine).WithName("GetMyAppointments").WithTags("Appointments");
        group.MapPost("/appointments/{id:long}/confirm/", Confirm).WithName("ConfirmAppointment").WithTags("Appointments");
        group.MapPatch("/appointments/{id:long}/", Reschedule).WithName("RescheduleAppointment").WithTags("Appointments").CountsBookings("reschedule");
        group.MapPost("/appointments/{id:long}/cancel/", Cancel).WithName("CancelAppointment").WithTags("Appointments");
        return group;
    }

    /// <summary>Book an appointment for a patient</summary>
    /// <remarks>
    /// The bot's last booking step. Books a free slot (201), or holds it as <c>pending</c> when <c>hold</c> is true (the
    /// bot confirms it later). Without <c>doctor_id</c> any free doctor providing the service at the branch is taken. The
    /// database is the arbiter: of two patients taking one slot at once, one gets 409 <c>slot_taken</c>. A repeated
    /// <c>Idempotency-Key</c> with the same body answers the first booking again instead of booking twice.
    /// </remarks>
    /// <response code="404"><c>patient_not_found</c>, or <c>not_found</c>: no such branch or service, or the doctor does not provide it there.</response>
    /// <response code="409"><c>slot_taken</c>, <c>slot_unavailable</c> (not a bookable time), <c>patient_overlap</c> (the patient has a visit then) or <c>consent_required</c>.</response>
    /// <response code="422"><c>idempotency_conflict</c>: the <c>Idempotency-Key</c> was used for a different request.</response>
    public static async Task<Results<Created<AppointmentDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>, UnprocessableEntity<ApiError>>> Create(
        CreateAppointmentRequest request, [FromHeader(Name = Idempotency.HeaderName)] string? idempotencyKey,
        ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, ILogger<Appointment> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.TelegramId <= 0) errors.Add("telegram_id", "Must be a positive Telegram user id.");
        if (request.BranchId <= 0) errors.Add("branch_id", "Required.");
        if (request.ServiceId <= 0) errors.Add("service_id", "Required.");
        if (request.Start == default) errors.Add("start", "Required.");
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > Idempotency.MaxKeyLength))
            errors.Add(Idempotency.HeaderName, $"Must be 1 to {Idempotency.MaxKeyLength} characters.");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var organizationId = options.DefaultOrganizationId;
        var hash = Idempotency.Hash(request);
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, organizationId, request.TelegramId, idempotencyKey, cancellationToken) is { } earlier)
            return earlier.RequestHash == hash
                ? TypedResults.Created(Routes.Appointment(Idempotency.Replay(earlier).Id), Idempotency.Replay(earlier))
                : TypedResults.UnprocessableEntity(new ApiError(ErrorCodes.IdempotencyConflict, "This Idempotency-Key was used for a different request."));

        var now = clock.GetUtcNow();
        if (request.Start <= now)
            return Errors.Validation("start", "The time is in the past.");
        var patient = await db.Patients.OfTelegramUser(organizationId, request.TelegramId).SingleOrDefaultAsync(cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);
        if (!patient.IsRegistered)
            return Errors.Conflict(ErrorCodes.ConsentRequired, "The patient must give consent, name, phone and IIN before booking.");
        var branch = await db.Branches.SingleOrDefaultAsync(b => b.Id == request.BranchId && b.OrganizationId == organizationId && b.IsActive, cancellationToken);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == request.ServiceId && s.OrganizationId == organizationId && s.IsActive, cancellationToken);
        if (branch is null || service is null)
            return Errors.NotFound(branch is null ? "No such branch." : "No such service.");
        var doctors = await SlotSearch.DoctorsForAsync(db, branch.Id, service.Id, cancellationToken);
        if (request.DoctorId is { } wanted)
        {
            if (!doctors.Contains(wanted))
                return Errors.NotFound("This doctor does not provide the service at the branch.");
            doctors = [wanted];
        }

        // Working slots at that time, then the ones nobody holds: the difference tells "unavailable" from "taken".
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(request.Start, branch.Zone()).DateTime);
        var working = (await SlotSearch.FindAsync(db, branch, service, doctors, localDate, localDate, options, clock, includeBusy: false, cancellationToken))
            .Where(s => s.Start == request.Start).Select(s => s.DoctorId).ToList();
        if (working.Count == 0)
            return Errors.Conflict(ErrorCodes.SlotUnavailable, "This time is not a bookable slot.");
        var free = (await SlotSearch.FindAsync(db, branch, service, working, localDate, localDate, options, clock, includeBusy: true, cancellationToken))
            .Where(s => s.Start == request.Start).Select(s => s.DoctorId).ToList();
        // With one doctor asked for, let the transaction give the final word (it is the arbiter under concurrency).
        var candidates = free.Count > 0 ? free : request.DoctorId is null ? [] : working;
        if (candidates.Count == 0)
            return Errors.Conflict(ErrorCodes.SlotTaken, "This slot has just been taken.");

        string lastError = ErrorCodes.SlotTaken;
        foreach (var doctorId in candidates)
        {
            var result = await Booking.TryBookAsync(db, request, idempotencyKey, hash, patient, branch, service, doctorId, options, clock, cancellationToken);
            if (result.Dto is { } dto)
            {
                logger.LogInformation("Appointment {AppointmentId} {Status} for patient {PatientId} with doctor {DoctorId} at {Start}",
                    dto.Id, dto.Status, patient.Id, doctorId, dto.Start);
                return TypedResults.Created(Routes.Appointment(dto.Id), dto);
            }
            if (result.ErrorCode == ErrorCodes.IdempotencyConflict)
                break;
            lastError = result.ErrorCode!;
            if (lastError == ErrorCodes.PatientOverlap)
                break;
        }
        if (idempotencyKey is not null && await Idempotency.FindAsync(db, organizationId, request.TelegramId, idempotencyKey, cancellationToken) is { } raced)
            return raced.RequestHash == hash
                ? TypedResults.Created(Routes.Appointment(Idempotency.Replay(raced).Id), Idempotency.Replay(raced))
                : TypedResults.UnprocessableEntity(new ApiError(ErrorCodes.IdempotencyConflict, "This Idempotency-Key was used for a different request."));
        return lastError == ErrorCodes.PatientOverlap
            ? Errors.Conflict(ErrorCodes.PatientOverlap, "You already have an appointment at this time.")
            : Errors.Conflict(ErrorCodes.SlotTaken, "This slot has just been taken.");
    }

    /// <summary>List a patient's appointments</summary>
    /// <remarks>
    /// The bot's "My appointments": <c>upcoming</c> (active, soonest first; the default) or <c>past</c> (the rest, latest
    /// first, at most 100). Each carries <c>change_until</c>, the time it can still be rescheduled or cancelled until.
    /// </remarks>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
    public static async Task<Results<Ok<AppointmentListResponse>, BadRequest<ApiError>, NotFound<ApiError>>> GetMine(
        [FromQuery(Name = "telegram_id")] long telegramId, [FromQuery(Name = "scope")] string? scope,
        ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<AppointmentScope>(scope ?? "upcoming", ignoreCase: true, out var parsedScope) || int.TryParse(scope, out _))
            return Errors.Validation("scope", "Must be upcoming or past.");
        var patient = await FindPatientAsync(db, options, telegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);

        var now = clock.GetUtcNow();
        var nowUtc = now.UtcDateTime;
        var mine = WithReferences(db).Where(a => a.PatientId == patient.Id);
        var upcoming = SlotSearch.ActiveAt(nowUtc);
        var list = parsedScope == AppointmentScope.Upcoming
            ? await mine.Where(upcoming).Where(a => a.EndUtc > nowUtc).OrderBy(a => a.StartUtc).ToListAsync(cancellationToken)
            : await mine.Where(a => !(a.EndUtc > nowUtc && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived ||
                                                         (a.Status == AppointmentStatus.Pending && a.HoldExpiresAtUtc > nowUtc))))
                .OrderByDescending(a => a.StartUtc).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AppointmentListResponse(list.Select(a => a.AsDto(now, options)).ToList()));
    }

    /// <summary>Confirm a held appointment</summary>
    /// <remarks>
    /// The bot confirms the slot it held: a <c>pending</c> hold becomes <c>booked</c> and its reminders are planned;
    /// confirming a booked appointment again answers it unchanged. An expired hold is released.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such appointment of this patient.</response>
    /// <response code="409"><c>hold_expired</c> (choose the slot again) or <c>not_changeable</c>.</response>
    public static async Task<Results<Ok<AppointmentDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Confirm(
        long id, ConfirmAppointmentRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var appointment = await FindOwnAsync(db, options, id, request.TelegramId, cancellationToken);
        if (appointment is null)
            return Errors.NotFound("No such appointment.");
        var now = clock.GetUtcNow();
        switch (appointment.Status)
        {
            case AppointmentStatus.Booked:
                return TypedResults.Ok(appointment.AsDto(now, options));
            case AppointmentStatus.Pending when appointment.HoldExpiresAtUtc is { } hold && Utc.ToOffset(hold) <= now:
                appointment.Cancel(CancelledBy.System, Appointment.HoldExpiredReason, now.UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                return Errors.Conflict(ErrorCodes.HoldExpired, "The hold has expired; choose the slot again.");
            case AppointmentStatus.Cancelled when appointment.IsReleasedHold:
                return Errors.Conflict(ErrorCodes.HoldExpired, "The hold has expired; choose the slot again.");
            case AppointmentStatus.Pending:
                appointment.Status = AppointmentStatus.Booked;
                appointment.HoldExpiresAtUtc = null;
                appointment.UpdatedAtUtc = now.UtcDateTime;
                Reminders.Plan(db, appointment, options, now);
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Ok(appointment.AsDto(now, options));
            default:
                return Errors.Conflict(ErrorCodes.NotChangeable, "This appointment can no longer be confirmed.");
        }
    }

    /// <summary>Reschedule a patient's appointment</summary>
    /// <remarks>
    /// The bot's "Reschedule": moves the visit to a new free slot of the same doctor, service and branch. The old
    /// appointment is cancelled and a new one, linked to it, is booked in one transaction; reminders follow the new time.
    /// Allowed until the appointment's <c>change_until</c>.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such appointment of this patient.</response>
    /// <response code="409"><c>slot_taken</c>, <c>slot_unavailable</c>, <c>patient_overlap</c>, <c>too_late</c> (call the clinic) or <c>not_changeable</c>.</response>
    public static async Task<Results<Ok<AppointmentDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Reschedule(
        long id, RescheduleAppointmentRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<Appointment> logger, CancellationToken cancellationToken)
    {
        if (request.Start == default)
            return Errors.Validation("start", "Required.");
        var appointment = await FindOwnAsync(db, options, id, request.TelegramId, cancellationToken);
        if (appointment is null)
            return Errors.NotFound("No such appointment.");
        var now = clock.GetUtcNow();
        if (request.Start <= now)
            return Errors.Validation("start", "The time is in the past.");
        if (Refuse(appointment.ChangeRefusal(now, options)) is { } refused)
            return refused;

        var branch = appointment.Branch!;
        var service = appointment.Service!;
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(request.Start, branch.Zone()).DateTime);
        var working = await SlotSearch.FindAsync(db, branch, service, [appointment.DoctorId], localDate, localDate, options, clock, includeBusy: false, cancellationToken);
        if (!working.Any(s => s.Start == request.Start))
            return Errors.Conflict(ErrorCodes.SlotUnavailable, "This time is not a bookable slot.");

        var (replacement, conflict) = await Booking.RescheduleAsync(db, appointment, request.Start, now, options, cancellationToken);
        if (conflict is not null)
            return ConflictFor(conflict);
        await Booking.LoadReferencesAsync(db, replacement!, cancellationToken);
        logger.LogInformation("Appointment {OldId} rescheduled as {NewId} to {Start}", appointment.Id, replacement!.Id, replacement.StartUtc);
        return TypedResults.Ok(replacement.AsDto(now, options));
    }

    /// <summary>Cancel a patient's appointment</summary>
    /// <remarks>
    /// The bot's "Cancel", with an optional reason (at most 500 characters). The slot becomes free and the visit's
    /// pending reminders are withdrawn. Allowed until the appointment's <c>change_until</c>.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such appointment of this patient.</response>
    /// <response code="409"><c>too_late</c> (call the clinic) or <c>not_changeable</c> (already cancelled or over).</response>
    public static async Task<Results<Ok<AppointmentDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Cancel(
        long id, CancelAppointmentRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Reason is { Length: > 500 })
            return Errors.Validation("reason", "At most 500 characters.");
        var appointment = await FindOwnAsync(db, options, id, request.TelegramId, cancellationToken);
        if (appointment is null)
            return Errors.NotFound("No such appointment.");
        var now = clock.GetUtcNow();
        if (Refuse(appointment.ChangeRefusal(now, options, cancelling: true)) is { } refused)
            return refused;
        appointment.Cancel(CancelledBy.Patient, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), now.UtcDateTime);
        await Reminders.CancelAsync(db, appointment.Id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(appointment.AsDto(now, options));
    }

    private static Conflict<ApiError>? Refuse(string? code) => code switch
    {
        null => null,
        ErrorCodes.TooLate => Errors.Conflict(code, "It is too close to the visit to change it; please call the clinic."),
        _ => Errors.Conflict(code, "This appointment can no longer be changed."),
    };

    private static Conflict<ApiError> ConflictFor(string code) => code == ErrorCodes.PatientOverlap
        ? Errors.Conflict(code, "You already have an appointment at this time.")
        : Errors.Conflict(code, "This slot has just been taken.");

    private static IQueryable<Appointment> WithReferences(ClinicDbContext db) =>
        db.Appointments.Include(a => a.Branch).Include(a => a.Service).Include(a => a.Doctor);

    private static Task<Patient?> FindPatientAsync(ClinicDbContext db, ClinicApiOptions options, long telegramId, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().OfTelegramUser(options.DefaultOrganizationId, telegramId).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The appointment only if it belongs to this Telegram user: someone else's id looks exactly like a missing one.</summary>
    private static Task<Appointment?> FindOwnAsync(ClinicDbContext db, ClinicApiOptions options, long id, long telegramId, CancellationToken cancellationToken)
    {
        var owner = db.Patients.OfTelegramUser(options.DefaultOrganizationId, telegramId);
        return WithReferences(db).SingleOrDefaultAsync(a => a.Id == id && a.OrganizationId == options.DefaultOrganizationId &&
                                                            owner.Any(p => p.Id == a.PatientId), cancellationToken);
    }
}
