using System.Text.Json;
using Clinic.Api.Data;
using Clinic.Contracts;

namespace Clinic.Api.Features.Outbox;

/// <summary>Plans messages for patients. Adds rows to the caller's unit of work: they are saved with the caller's change.</summary>
public static class Outbox
{
    public static OutboxMessage Enqueue(ClinicDbContext db, long organizationId, long patientId, string kind, object payload,
        DateTimeOffset due, DateTimeOffset now, long? appointmentId = null)
    {
        var message = new OutboxMessage
        {
            OrganizationId = organizationId,
            PatientId = patientId,
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload, ClinicJson.Options),
            DueAtUtc = due.UtcDateTime,
            AppointmentId = appointmentId,
            CreatedAtUtc = now.UtcDateTime,
            UpdatedAtUtc = now.UtcDateTime,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
