using Clinic.Api.Features.Catalog;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;

namespace Clinic.Api.Features.Appointments;

public sealed class Appointment
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }
    public long DoctorId { get; set; }
    public Doctor? Doctor { get; set; }
    public long BranchId { get; set; }
    public Branch? Branch { get; set; }
    public long ServiceId { get; set; }
    public Service? Service { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    /// <summary>Start minus the service's buffer before: the doctor is busy from here (the database exclusion works on it).</summary>
    public DateTime BlockedStartUtc { get; set; }
    /// <summary>End plus the service's buffer after.</summary>
    public DateTime BlockedEndUtc { get; set; }
    public AppointmentStatus Status { get; set; }
    public DateTime? HoldExpiresAtUtc { get; set; }
    public string? CancelReason { get; set; }
    public CancelledBy? CancelledBy { get; set; }
    public long? RescheduledFromId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Statuses that occupy the doctor's time.</summary>
    public static readonly AppointmentStatus[] ActiveStatuses =
        [AppointmentStatus.Pending, AppointmentStatus.Booked, AppointmentStatus.Arrived];

    /// <summary>The cancel reason of a hold the system released because it was not confirmed in time.</summary>
    public const string HoldExpiredReason = "hold_expired";

    public bool IsReleasedHold => Status == AppointmentStatus.Cancelled && CancelledBy == Contracts.CancelledBy.System && CancelReason == HoldExpiredReason;

    public void SetTimes(DateTime startUtc, Service service)
    {
        StartUtc = startUtc;
        EndUtc = startUtc.AddMinutes(service.DurationMinutes);
        BlockedStartUtc = StartUtc.AddMinutes(-service.BufferBeforeMinutes);
        BlockedEndUtc = EndUtc.AddMinutes(service.BufferAfterMinutes);
    }

    public void Cancel(CancelledBy by, string? reason, DateTime nowUtc)
    {
        Status = AppointmentStatus.Cancelled;
        CancelledBy = by;
        CancelReason = reason;
        HoldExpiresAtUtc = null;
        UpdatedAtUtc = nowUtc;
    }
}
