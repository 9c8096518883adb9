using Clinic.Api.Data;
using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Outbox;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Appointments;

/// <summary>The writes behind create and reschedule, each inside <see cref="BookingTransaction"/>.</summary>
public static class Booking
{
    public sealed record BookResult(AppointmentDto? Dto, string? ErrorCode);

    /// <summary>Tries of a booking the database aborted as a deadlock victim, before the caller is told the slot is taken.</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Books <paramref name="doctorId"/> inside the write transaction; the answer is stored for the Idempotency-Key with it.
    /// A deadlock victim (<see cref="DatabaseErrors.IsTransient"/>) wrote nothing and is tried again, after a short random
    /// pause so the racers do not meet again; after <see cref="MaxAttempts"/> it is <c>slot_taken</c>, as it most likely is.
    /// </summary>
    public static async Task<BookResult> TryBookAsync(
        ClinicDbContext db, CreateAppointmentRequest request, string? idempotencyKey, string hash, Patient patient, Branch branch, Service service,
        long doctorId, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await BookOnceAsync(db, request, idempotencyKey, hash, patient, branch, service, doctorId, options, clock, cancellationToken);
            }
            catch (Exception e) when (DatabaseErrors.IsTransient(e))
            {
                db.ChangeTracker.Clear();
                if (attempt == MaxAttempts)
                    return new BookResult(null, ErrorCodes.SlotTaken);
                // Wall-clock time on purpose: this spaces out database retries, it is not the clinic's time.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }

    private static async Task<BookResult> BookOnceAsync(
        ClinicDbContext db, CreateAppointmentRequest request, string? idempotencyKey, string hash, Patient patient, Branch branch, Service service,
        long doctorId, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var appointment = new Appointment
        {
            OrganizationId = patient.OrganizationId,
            PatientId = patient.Id,
            DoctorId = doctorId,
            BranchId = branch.Id,
            ServiceId = service.Id,
            Status = request.Hold ? AppointmentStatus.Pending : AppointmentStatus.Booked,
            HoldExpiresAtUtc = request.Hold ? now.UtcDateTime.AddMinutes(options.HoldMinutes) : null,
            CreatedAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        };
        appointment.SetTimes(request.Start.UtcDateTime, service);

        await using var transaction = await BookingTransaction.BeginAsync(db, cancellationToken);
        try
        {
            var check = await BookingTransaction.CheckAsync(db, appointment, now.UtcDateTime, cancellationToken);
            if (check.ErrorCode is not null)
                return new BookResult(null, check.ErrorCode);
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(cancellationToken);
            await LoadReferencesAsync(db, appointment, cancellationToken);
            var dto = appointment.AsDto(now, options);
            // A direct booking plans its reminders now; a hold plans them when it is confirmed.
            if (appointment.Status == AppointmentStatus.Booked)
                Reminders.Plan(db, appointment, options, now);
            if (idempotencyKey is not null)
                db.IdempotencyRecords.Add(Idempotency.Record(patient.OrganizationId, request, idempotencyKey, hash, StatusCodes.Status201Created, dto, now.UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new BookResult(dto, null);
        }
        catch (DbUpdateException e) when (BookingTransaction.ConflictCode(e) is { } code)
        {
            db.ChangeTracker.Clear();
            return new BookResult(null, code);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A concurrent retry with the same Idempotency-Key won; the caller replays its answer.
            db.ChangeTracker.Clear();
            return new BookResult(null, ErrorCodes.IdempotencyConflict);
        }
    }

    /// <summary>
    /// Cancels <paramref name="appointment"/> and books the same doctor, service and branch at <paramref name="start"/>
    /// in one write transaction; the old time is freed first, so a move by a few minutes within the visit is allowed.
    /// A deadlock victim is answered <c>slot_taken</c>.
    /// </summary>
    public static async Task<(Appointment? Replacement, string? ConflictCode)> RescheduleAsync(
        ClinicDbContext db, Appointment appointment, DateTimeOffset start, DateTimeOffset now, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var service = appointment.Service!;
        var replacement = new Appointment
        {
            OrganizationId = appointment.OrganizationId,
            PatientId = appointment.PatientId,
            DoctorId = appointment.DoctorId,
            BranchId = appointment.BranchId,
            ServiceId = appointment.ServiceId,
            Status = AppointmentStatus.Booked,
            RescheduledFromId = appointment.Id,
            CreatedAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        };
        replacement.SetTimes(start.UtcDateTime, service);

        await using var transaction = await BookingTransaction.BeginAsync(db, cancellationToken);
        try
        {
            appointment.Cancel(CancelledBy.Patient, "rescheduled", now.UtcDateTime);
            await Reminders.CancelAsync(db, appointment.Id, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var check = await BookingTransaction.CheckAsync(db, replacement, now.UtcDateTime, cancellationToken);
            if (check.ErrorCode is { } code)
                return (null, code);
            db.Appointments.Add(replacement);
            await db.SaveChangesAsync(cancellationToken);
            Reminders.Plan(db, replacement, options, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (replacement, null);
        }
        catch (DbUpdateException e) when (BookingTransaction.ConflictCode(e) is { } code)
        {
            return (null, code);
        }
        catch (Exception e) when (DatabaseErrors.IsTransient(e))
        {
            // A deadlock victim wrote nothing, but the old visit in memory is already cancelled: rather than retrying
            // with it, the patient is told the time is taken and picks again (the old visit stands).
            db.ChangeTracker.Clear();
            return (null, ErrorCodes.SlotTaken);
        }
    }

    public static async Task LoadReferencesAsync(ClinicDbContext db, Appointment appointment, CancellationToken cancellationToken)
    {
        var entry = db.Entry(appointment);
        await entry.Reference(a => a.Branch).LoadAsync(cancellationToken);
        await entry.Reference(a => a.Service).LoadAsync(cancellationToken);
        await entry.Reference(a => a.Doctor).LoadAsync(cancellationToken);
    }
}
