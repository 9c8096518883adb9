using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Patients;

/// <summary>
/// The patient's own settings: notifications, and withdrawing consent (the account is deleted: personal data erased,
/// visit history kept without them). Name, phone and language change through <c>patient/upsert</c>.
/// </summary>
public static class PatientProfileApi
{
    /// <summary>The cancel reason of future visits cancelled because their patient deleted the account.</summary>
    public const string AccountDeletedReason = "account_deleted";

    public static RouteGroupBuilder MapPatientProfileApi(this RouteGroupBuilder group)
    {
        group.MapPost("/patient/notifications/", SetNotifications).WithName("SetNotificationSettings").WithTags("Patients");
        group.MapPost("/patient/delete/", DeleteAccount).WithName("DeletePatientAccount").WithTags("Patients");
        return group;
    }

    public static async Task<Results<Ok<PatientDto>, BadRequest<ApiError>, NotFound<ApiError>>> SetNotifications(
        NotificationSettingsRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.TelegramId <= 0)
            return Errors.Validation("telegram_id", "Must be a positive Telegram user id.");
        var patient = await FindAsync(db, options, request.TelegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);

        if (request.RemindersEnabled is { } reminders) patient.RemindersEnabled = reminders;
        if (request.NewsOptIn is { } news) patient.NewsOptIn = news;
        patient.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(patient.AsDto());
    }

    /// <summary>
    /// Erases the personal data (name, phone, IIN, birth date, sex, Telegram id, consent), cancels future visits and
    /// pending messages, in one transaction. The visits stay for the clinic's records, tied to an empty patient row.
    /// The same Telegram user can register again afterwards as a new patient.
    /// </summary>
    public static async Task<Results<Ok<DeleteAccountResponse>, BadRequest<ApiError>, NotFound<ApiError>>> DeleteAccount(
        DeleteAccountRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<Patient> logger, CancellationToken cancellationToken)
    {
        if (request.TelegramId <= 0)
            return Errors.Validation("telegram_id", "Must be a positive Telegram user id.");
        if (!request.Confirm)
            return Errors.Validation("confirm", "Must be true: deleting the account cannot be undone.");
        var patient = await FindAsync(db, options, request.TelegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);

        var now = clock.GetUtcNow().UtcDateTime;
        var future = await db.Appointments
            .Where(a => a.PatientId == patient.Id && Appointment.ActiveStatuses.Contains(a.Status) && a.StartUtc > now)
            .ToListAsync(cancellationToken);
        foreach (var appointment in future)
            appointment.Cancel(CancelledBy.Patient, AccountDeletedReason, now);
        var pending = await db.OutboxMessages
            .Where(m => m.PatientId == patient.Id && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Failed))
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            message.Status = OutboxStatus.Cancelled;
            message.UpdatedAtUtc = now;
        }

        // The Telegram id column is unique and required: a negative placeholder (never a real user id) frees the real one.
        patient.TelegramId = -patient.Id;
        patient.FullName = null;
        patient.Phone = null;
        patient.Iin = null;
        patient.BirthDate = null;
        patient.Sex = null;
        patient.ConsentVersion = null;
        patient.ConsentAtUtc = null;
        patient.RemindersEnabled = false;
        patient.NewsOptIn = false;
        patient.DeletedAtUtc = now;
        patient.UpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Patient {PatientId} deleted the account: {Appointments} visits and {Messages} messages cancelled",
            patient.Id, future.Count, pending.Count);
        return TypedResults.Ok(new DeleteAccountResponse(true, future.Count, pending.Count));
    }

    private static Task<Patient?> FindAsync(ClinicDbContext db, ClinicApiOptions options, long telegramId, CancellationToken cancellationToken) =>
        db.Patients.SingleOrDefaultAsync(p => p.OrganizationId == options.DefaultOrganizationId && p.TelegramId == telegramId, cancellationToken);
}
