using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Catalog;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Slots;

/// <summary>
/// Loads what <see cref="SlotFinder"/> needs from the database (only the requested date window) and runs it per doctor.
/// Used by the slot endpoint and by booking, so a booking can only land on a slot the patient could have seen.
/// </summary>
public static class SlotSearch
{
    /// <param name="doctorIds">The doctors to search; every one must provide the service at the branch.</param>
    /// <param name="includeBusy">False to ask only "is this a working slot at all" (booking tells taken from unavailable).</param>
    public static async Task<IReadOnlyList<FreeSlot>> FindAsync(
        ClinicDbContext db, Branch branch, Service service, IReadOnlyList<long> doctorIds, DateOnly from, DateOnly to,
        ClinicApiOptions options, TimeProvider clock, bool includeBusy, CancellationToken cancellationToken)
    {
        if (doctorIds.Count == 0)
            return [];
        var zone = branch.Zone();
        var now = clock.GetUtcNow();
        var query = new SlotQuery(zone, from, to, service.DurationMinutes, service.BufferBeforeMinutes, service.BufferAfterMinutes,
            now, TimeSpan.FromMinutes(options.MinNoticeMinutes), options.HorizonDays, options.SlotGridMinutes);

        var plan = await db.WeeklyPlan.AsNoTracking()
            .Where(p => p.BranchId == branch.Id && doctorIds.Contains(p.DoctorId))
            .ToListAsync(cancellationToken);
        var exceptions = await db.ScheduleExceptions.AsNoTracking()
            .Where(e => e.BranchId == branch.Id && doctorIds.Contains(e.DoctorId) && e.Date >= from && e.Date <= to)
            .ToListAsync(cancellationToken);
        var busy = includeBusy ? await LoadBusyAsync(db, doctorIds, zone, from, to, now.UtcDateTime, cancellationToken) : [];

        var slots = new List<FreeSlot>();
        foreach (var doctorId in doctorIds)
        {
            var availability = new DoctorAvailability(
                doctorId,
                plan.Where(p => p.DoctorId == doctorId).Select(p => p.AsPlanDay()).ToList(),
                exceptions.Where(e => e.DoctorId == doctorId).Select(e => e.AsException()).ToList(),
                busy.Where(b => b.DoctorId == doctorId)
                    .Select(b => new BusyInterval(Utc.ToOffset(b.BlockedStartUtc), Utc.ToOffset(b.BlockedEndUtc))).ToList());
            slots.AddRange(SlotFinder.Find(availability, query));
        }
        return slots;
    }

    /// <summary>The doctors (active) who provide the service at the branch.</summary>
    public static Task<List<long>> DoctorsForAsync(ClinicDbContext db, long branchId, long serviceId, CancellationToken cancellationToken) =>
        db.Doctors.AsNoTracking()
            .Where(d => d.IsActive && d.Branches.Any(b => b.BranchId == branchId) && d.Services.Any(s => s.ServiceId == serviceId))
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);

    private static async Task<List<Appointment>> LoadBusyAsync(
        ClinicDbContext db, IReadOnlyList<long> doctorIds, TimeZoneInfo zone, DateOnly from, DateOnly to, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        // A day either side covers any zone offset and buffers; the (doctor_id, start_utc) index keeps this narrow.
        var windowStart = from.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var windowEnd = to.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await db.Appointments.AsNoTracking()
            .Where(a => doctorIds.Contains(a.DoctorId) && a.StartUtc >= windowStart && a.StartUtc < windowEnd)
            .Where(ActiveAt(nowUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Appointments that occupy time: booked or arrived, or a pending hold that has not expired.</summary>
    public static System.Linq.Expressions.Expression<Func<Appointment, bool>> ActiveAt(DateTime nowUtc) => a =>
        a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived ||
        (a.Status == AppointmentStatus.Pending && a.HoldExpiresAtUtc > nowUtc);
}
