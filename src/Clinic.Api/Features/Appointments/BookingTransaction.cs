using System.Data;
using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Clinic.Api.Features.Appointments;

/// <summary>
/// The one place where appointments are written, so that double booking is impossible:
/// on SQLite the transaction starts with <c>BEGIN IMMEDIATE</c> (one writer at a time) and the overlap is
/// re-checked inside it; on PostgreSQL the exclusion constraints of the migration decide and their
/// violation (23P01) becomes the same answer.
/// </summary>
public static class BookingTransaction
{
    public const string DoctorOverlapConstraint = "ex_appointments_doctor_overlap";
    public const string PatientOverlapConstraint = "ex_appointments_patient_overlap";

    /// <summary>A booking failure carried as an error code (slot_taken, patient_overlap).</summary>
    public sealed record Outcome(string? ErrorCode)
    {
        public static readonly Outcome Success = new((string?)null);
    }

    /// <summary>Starts the write transaction. SQLite's Serializable maps to BEGIN IMMEDIATE: the write lock is taken up front.</summary>
    public static Task<IDbContextTransaction> BeginAsync(ClinicDbContext db, CancellationToken cancellationToken) =>
        db.Provider == DatabaseProvider.Sqlite
            ? db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken)
            : db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    /// <summary>
    /// Releases expired holds of this doctor and patient (they must not block), then checks that
    /// <paramref name="candidate"/> overlaps nothing active. Call inside <see cref="BeginAsync"/>.
    /// </summary>
    public static async Task<Outcome> CheckAsync(ClinicDbContext db, Appointment candidate, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await db.Appointments
            .Where(a => a.Status == AppointmentStatus.Pending && a.HoldExpiresAtUtc <= nowUtc &&
                        (a.DoctorId == candidate.DoctorId || a.PatientId == candidate.PatientId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, AppointmentStatus.Cancelled)
                .SetProperty(a => a.CancelledBy, CancelledBy.System)
                .SetProperty(a => a.CancelReason, Appointment.HoldExpiredReason)
                .SetProperty(a => a.UpdatedAtUtc, nowUtc), cancellationToken);

        var active = db.Appointments.Where(a => a.Id != candidate.Id && Appointment.ActiveStatuses.Contains(a.Status));
        if (await active.AnyAsync(a => a.DoctorId == candidate.DoctorId &&
                                       a.BlockedStartUtc < candidate.BlockedEndUtc && a.BlockedEndUtc > candidate.BlockedStartUtc, cancellationToken))
            return new Outcome(ErrorCodes.SlotTaken);
        if (await active.AnyAsync(a => a.PatientId == candidate.PatientId &&
                                       a.StartUtc < candidate.EndUtc && a.EndUtc > candidate.StartUtc, cancellationToken))
            return new Outcome(ErrorCodes.PatientOverlap);
        return Outcome.Success;
    }

    /// <summary>Maps a PostgreSQL exclusion violation to the API's code; null when it is some other failure.</summary>
    public static string? ConflictCode(DbUpdateException e) => DatabaseErrors.ExclusionConstraint(e) switch
    {
        DoctorOverlapConstraint => ErrorCodes.SlotTaken,
        PatientOverlapConstraint => ErrorCodes.PatientOverlap,
        null => null,
        _ => ErrorCodes.SlotTaken,
    };
}
