using Clinic.Api.Data;
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
    public static RouteGroupBuilder MapPatientProfileApi(this RouteGroupBuilder group)
    {
        group.MapPost("/patient/notifications/", SetNotifications).WithName("SetNotificationSettings").WithTags("Patients");
        group.MapPost("/patient/delete/", DeleteAccount).WithName("DeletePatientAccount").WithTags("Patients");
        return group;
    }

    /// <summary>Turn a patient's reminders or clinic news on or off</summary>
    /// <remarks>
    /// The bot's profile switches: <c>reminders_enabled</c> (visit reminders) and <c>news_opt_in</c> (broadcasts); a
    /// switch left null stays as it was. Messages already planned follow the new setting when they fall due.
    /// </remarks>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
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

    /// <summary>Delete a patient's account</summary>
    /// <remarks>
    /// The patient withdraws consent in the bot (<c>confirm</c> must be true). Erases the person (see docs/privacy.md):
    /// profile, tickets, feedback, files, message contents and booking replies; future visits and pending messages are
    /// cancelled. The visit history stays for the clinic's records, tied to an empty patient row. The same Telegram user
    /// can register again afterwards.
    /// </remarks>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
    public static async Task<Results<Ok<DeleteAccountResponse>, BadRequest<ApiError>, NotFound<ApiError>>> DeleteAccount(
        DeleteAccountRequest request, ClinicDbContext db, ClinicApiOptions options, AccountErasure erasure,
        ILogger<Patient> logger, CancellationToken cancellationToken)
    {
        if (request.TelegramId <= 0)
            return Errors.Validation("telegram_id", "Must be a positive Telegram user id.");
        if (!request.Confirm)
            return Errors.Validation("confirm", "Must be true: deleting the account cannot be undone.");
        var patient = await FindAsync(db, options, request.TelegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);

        var erased = await erasure.EraseAsync(patient, cancellationToken);
        logger.LogInformation("Patient {PatientId} deleted the account: {Appointments} visits and {Messages} messages cancelled",
            patient.Id, erased.CancelledAppointments, erased.CancelledMessages);
        return TypedResults.Ok(new DeleteAccountResponse(true, erased.CancelledAppointments, erased.CancelledMessages));
    }

    private static Task<Patient?> FindAsync(ClinicDbContext db, ClinicApiOptions options, long telegramId, CancellationToken cancellationToken) =>
        db.Patients.OfTelegramUser(options.DefaultOrganizationId, telegramId).SingleOrDefaultAsync(cancellationToken);
}
