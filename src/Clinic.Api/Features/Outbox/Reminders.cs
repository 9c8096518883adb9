using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Outbox;

/// <summary>
/// The visit's messages, planned and withdrawn with the visit in the same unit of work: reminders
/// (<see cref="ClinicApiOptions.ReminderOffsets"/> before a booked visit) and the NPS survey after a fulfilled one.
/// </summary>
public static class Reminders
{
    /// <summary>Plans a reminder at each offset before the visit whose time has not passed yet. The visit must have its id.</summary>
    public static void Plan(ClinicDbContext db, Appointment appointment, ClinicApiOptions options, DateTimeOffset now)
    {
        var start = Utc.ToOffset(appointment.StartUtc);
        foreach (var offset in options.ReminderOffsets)
        {
            var due = start - offset;
            if (due <= now)
                continue;
            Outbox.Enqueue(db, appointment.OrganizationId, appointment.PatientId, OutboxKinds.Reminder,
                new ReminderPayload(appointment.Id, start, (int)offset.TotalMinutes), due, now, appointment.Id);
        }
    }

    /// <summary>Withdraws the visit's reminders that have not gone out (tracked: saved with the caller's change).</summary>
    public static async Task CancelAsync(ClinicDbContext db, long appointmentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = await db.OutboxMessages
            .Where(m => m.AppointmentId == appointmentId && m.Kind == OutboxKinds.Reminder && m.Status == OutboxStatus.Pending)
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            message.Status = OutboxStatus.Cancelled;
            message.UpdatedAtUtc = now.UtcDateTime;
        }
    }

    /// <summary>Plans the satisfaction survey <see cref="ClinicApiOptions.NpsSurveyDelay"/> after the visit is marked fulfilled.</summary>
    public static void PlanSurvey(ClinicDbContext db, Appointment appointment, ClinicApiOptions options, DateTimeOffset now) =>
        Outbox.Enqueue(db, appointment.OrganizationId, appointment.PatientId, OutboxKinds.NpsSurvey,
            new NpsSurveyPayload(appointment.Id), now + options.NpsSurveyDelay, now, appointment.Id);
}

/// <summary>Payload of a <c>reminder</c> row: the visit, its start (UTC) and how long before it the reminder was planned.</summary>
public sealed record ReminderPayload(long AppointmentId, DateTimeOffset Start, int MinutesBefore);

/// <summary>Payload of an <c>nps_survey</c> row: <c>{ "appointment_id": id }</c>.</summary>
public sealed record NpsSurveyPayload(long AppointmentId);
