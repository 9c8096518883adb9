using Clinic.Api.Data;
using Clinic.Api.Features.Outbox;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Appointments;

/// <summary>
/// Staff side of appointments (<c>/api/admin/</c>): the reception marks what happened to a visit.
/// Later features hang off these transitions (a fulfilled visit plans the NPS survey).
/// </summary>
public static class StaffAppointmentsApi
{
    public static RouteGroupBuilder MapStaffAppointmentsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/appointments/{id:long}/", Get).WithName("StaffGetAppointment").WithTags("Staff");
        group.MapPost("/appointments/{id:long}/status/", SetStatus).WithName("StaffSetAppointmentStatus").WithTags("Staff");
        return group;
    }

    /// <summary>Read an appointment</summary>
    /// <remarks>Staff look up any appointment of the clinic by id, with its branch, service, doctor and status.</remarks>
    /// <response code="404"><c>not_found</c>: no such appointment.</response>
    public static async Task<Results<Ok<AppointmentDto>, NotFound<ApiError>>> Get(
        long id, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var appointment = await FindAsync(db, options, id, cancellationToken);
        return appointment is null
            ? Errors.NotFound("No such appointment.")
            : TypedResults.Ok(appointment.AsDto(clock.GetUtcNow(), options));
    }

    /// <summary>Mark what happened to a visit</summary>
    /// <remarks>
    /// The reception's record of the visit: <c>booked → arrived | fulfilled | noshow</c>, <c>arrived → fulfilled | noshow</c>.
    /// A visit cannot be fulfilled or missed before it starts; holds, cancelled and finished visits do not move. A
    /// fulfilled visit plans the patient's NPS survey.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such appointment.</response>
    /// <response code="409"><c>not_changeable</c> (a move the visit cannot make) or <c>too_early</c> (the visit has not started).</response>
    public static async Task<Results<Ok<AppointmentDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> SetStatus(
        long id, StaffSetStatusRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<Appointment> logger, CancellationToken cancellationToken)
    {
        if (request.Status is not (AppointmentStatus.Arrived or AppointmentStatus.Fulfilled or AppointmentStatus.Noshow))
            return Errors.Validation("status", "Must be arrived, fulfilled or noshow.");
        var appointment = await FindAsync(db, options, id, cancellationToken);
        if (appointment is null)
            return Errors.NotFound("No such appointment.");

        var now = clock.GetUtcNow();
        var allowed = (appointment.Status, request.Status) switch
        {
            (AppointmentStatus.Booked, _) => true,
            (AppointmentStatus.Arrived, AppointmentStatus.Fulfilled or AppointmentStatus.Noshow) => true,
            _ => false,
        };
        if (!allowed)
            return Errors.Conflict(ErrorCodes.NotChangeable, $"A {appointment.Status.ToString().ToLowerInvariant()} appointment cannot become {request.Status.ToString().ToLowerInvariant()}.");
        if (request.Status != AppointmentStatus.Arrived && appointment.StartUtc > now.UtcDateTime)
            return Errors.Conflict(ErrorCodes.TooEarly, "The visit has not started yet.");

        appointment.Status = request.Status;
        appointment.UpdatedAtUtc = now.UtcDateTime;
        if (request.Status == AppointmentStatus.Fulfilled)
            Reminders.PlanSurvey(db, appointment, options, now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Appointment {Id} marked {Status} by staff", appointment.Id, appointment.Status);
        return TypedResults.Ok(appointment.AsDto(now, options));
    }

    private static Task<Appointment?> FindAsync(ClinicDbContext db, ClinicApiOptions options, long id, CancellationToken cancellationToken) =>
        db.Appointments.Include(a => a.Branch).Include(a => a.Service).Include(a => a.Doctor)
            .SingleOrDefaultAsync(a => a.Id == id && a.OrganizationId == options.DefaultOrganizationId, cancellationToken);
}
