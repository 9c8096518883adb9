using Clinic.Contracts;

namespace Clinic.Api.Features.Appointments;

public static class AppointmentMapping
{
    /// <summary>Needs Branch, Service and Doctor loaded.</summary>
    public static AppointmentDto AsDto(this Appointment a, DateTimeOffset now, ClinicApiOptions options) => new(
        a.Id, a.Status, Utc.ToOffset(a.StartUtc), Utc.ToOffset(a.EndUtc),
        a.Branch!.AsDto(), a.Service!.AsDto(), a.Doctor!.AsSummary(),
        a.HoldExpiresAtUtc is { } hold ? Utc.ToOffset(hold) : null,
        a.CancelReason, a.CancelledBy, a.RescheduledFromId,
        a.ChangeRefusal(now, options) is null,
        Utc.ToOffset(a.CreatedAtUtc), Utc.ToOffset(a.UpdatedAtUtc),
        a.Status is AppointmentStatus.Pending or AppointmentStatus.Booked ? a.ChangeDeadline(options) : null);

    /// <summary>The last moment the patient may reschedule or cancel a visit themselves: its start minus the change window.</summary>
    public static DateTimeOffset ChangeDeadline(this Appointment a, ClinicApiOptions options) =>
        Utc.ToOffset(a.StartUtc) - TimeSpan.FromMinutes(options.ChangeWindowMinutes);

    /// <summary>Why the patient may not reschedule or cancel now (an error code), or null when they may.</summary>
    /// <param name="cancelling">A live hold may always be let go: it is not a visit yet, and the change window does not apply.</param>
    public static string? ChangeRefusal(this Appointment a, DateTimeOffset now, ClinicApiOptions options, bool cancelling = false)
    {
        var start = Utc.ToOffset(a.StartUtc);
        var heldAndExpired = a.Status == AppointmentStatus.Pending && a.HoldExpiresAtUtc is { } hold && Utc.ToOffset(hold) <= now;
        if (a.Status is not (AppointmentStatus.Pending or AppointmentStatus.Booked) || heldAndExpired || start <= now)
            return ErrorCodes.NotChangeable;
        if (cancelling && a.Status == AppointmentStatus.Pending)
            return null;
        if (now > a.ChangeDeadline(options))
            return ErrorCodes.TooLate;
        return null;
    }
}
