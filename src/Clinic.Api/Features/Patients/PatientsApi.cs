using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Patients;

public static class PatientsApi
{
    public static RouteGroupBuilder MapPatientsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/patient/upsert/", Upsert).WithName("UpsertPatient").WithTags("Patients")
            .Produces<ApiError>(StatusCodes.Status429TooManyRequests);
        group.MapPost("/patient/verify-iin/", VerifyIin).WithName("VerifyIin").WithTags("Patients")
            .Produces<ApiError>(StatusCodes.Status429TooManyRequests);
        group.MapGet("/patient/by-telegram/{telegramId:long}/", GetByTelegram).WithName("GetPatientByTelegram").WithTags("Patients");
        return group;
    }

    /// <summary>Register a patient or update their details</summary>
    /// <remarks>
    /// The bot's registration and profile steps: creates the patient of this Telegram user (201) or updates the fields
    /// given (200); fields left null stay as they were. IIN and phone are validated and normalised; consent is recorded
    /// with its version. A new IIN takes one of the user's hourly IIN lookups, since a conflict would tell whose it is.
    /// Writing here also means the user has unblocked the bot.
    /// </remarks>
    /// <response code="409"><c>iin_taken</c>: another patient is registered with this IIN.</response>
    /// <response code="429"><c>too_many_iin_attempts</c>: this Telegram user looked up too many IINs this hour.</response>
    public static async Task<Results<Ok<PatientDto>, Created<PatientDto>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> Upsert(
        PatientUpsertRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
        ILogger<Patient> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.TelegramId <= 0)
            errors.Add("telegram_id", "Must be a positive Telegram user id.");
        IinCheck? iin = null;
        if (request.Iin is not null)
        {
            iin = Iin.Check(request.Iin);
            if (!iin.Valid)
                errors.Add("iin", $"Not a valid IIN ({iin.Reason}).");
        }
        string? phone = null;
        if (request.Phone is not null && !PhoneNumbers.TryNormalize(request.Phone, out phone!))
            errors.Add("phone", "Not a valid phone number.");
        var fullName = request.FullName?.Trim();
        if (request.FullName is not null && (fullName!.Length is 0 or > 200))
            errors.Add("full_name", "Must be 1 to 200 characters.");
        if (request.ConsentVersion is { } version && (string.IsNullOrWhiteSpace(version) || version.Length > 50))
            errors.Add("consent_version", "Must be 1 to 50 characters.");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());
        if (iin is not null && !await IsTheirIinAsync(request.TelegramId, request.Iin!.Trim(), db, options, cancellationToken)
            && !await IinAttempts.TryTakeAsync(request.TelegramId, db, clock, cancellationToken))
            return TooManyIinAttempts();

        // The unique indexes decide a race between two first messages of one user: the loser retries as an update.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveAsync(request, iin, phone, fullName, db, options, clock, logger, cancellationToken);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e) && attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Results<Ok<PatientDto>, Created<PatientDto>, BadRequest<ApiError>, Conflict<ApiError>, JsonHttpResult<ApiError>>> SaveAsync(
        PatientUpsertRequest request, IinCheck? iin, string? phone, string? fullName, ClinicDbContext db, ClinicApiOptions options,
        TimeProvider clock, ILogger<Patient> logger, CancellationToken cancellationToken)
    {
        var organizationId = options.DefaultOrganizationId;
        var now = clock.GetUtcNow().UtcDateTime;
        var normalizedIin = request.Iin?.Trim();
        if (normalizedIin is not null && await db.Patients.AnyAsync(
                p => p.OrganizationId == organizationId && p.Iin == normalizedIin && p.TelegramId != request.TelegramId, cancellationToken))
            return Errors.Conflict(ErrorCodes.IinTaken, "Another patient is already registered with this IIN.");

        var patient = await db.Patients.SingleOrDefaultAsync(
            p => p.OrganizationId == organizationId && p.TelegramId == request.TelegramId, cancellationToken);
        var created = patient is null;
        patient ??= new Patient { OrganizationId = organizationId, TelegramId = request.TelegramId, CreatedAtUtc = now };
        if (iin is not null)
        {
            patient.Iin = normalizedIin;
            patient.BirthDate = iin.BirthDate;
            patient.Sex = iin.Sex;
        }
        if (phone is not null) patient.Phone = phone;
        if (fullName is not null) patient.FullName = fullName;
        if (request.Language is { } language) patient.Language = language;
        if (request.ConsentVersion is { } consent)
        {
            patient.ConsentVersion = consent.Trim();
            patient.ConsentAtUtc = (request.ConsentAt ?? clock.GetUtcNow()).UtcDateTime;
        }
        patient.UpdatedAtUtc = now;
        // Every upsert comes from the user talking to the bot: they have unblocked it.
        patient.BotBlockedAtUtc = null;
        if (created) db.Patients.Add(patient);

        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Patient {PatientId} {Action}: IIN {Iin}, phone {Phone}", patient.Id, created ? "created" : "updated",
            patient.Iin is null ? "-" : Iin.Mask(patient.Iin), patient.Phone is null ? "-" : PhoneNumbers.Mask(patient.Phone));
        var dto = patient.AsDto();
        return created ? TypedResults.Created(Routes.PatientByTelegram(patient.TelegramId), dto) : TypedResults.Ok(dto);
    }

    /// <summary>Check an IIN before registering it</summary>
    /// <remarks>
    /// The bot's IIN step, saving nothing: whether the IIN is valid (and why not), the birth date and sex it encodes, and
    /// whether a patient already has it. Whether a patient has it is personal, so a valid IIN takes one of the asking
    /// user's hourly IIN lookups (none for the IIN already on their own record).
    /// </remarks>
    /// <response code="429"><c>too_many_iin_attempts</c>: this Telegram user looked up too many IINs this hour.</response>
    public static async Task<Results<Ok<VerifyIinResponse>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> VerifyIin(
        VerifyIinRequest request, ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Iin is null)
            return Errors.Validation("iin", "Required.");
        if (request.TelegramId <= 0)
            return Errors.Validation("telegram_id", "Must be the positive Telegram user id of the person registering.");
        var iin = request.Iin.Trim();
        var check = Iin.Check(iin);
        if (check.Valid && !await IsTheirIinAsync(request.TelegramId, iin, db, options, cancellationToken)
            && !await IinAttempts.TryTakeAsync(request.TelegramId, db, clock, cancellationToken))
            return TooManyIinAttempts();
        var exists = check.Valid && await db.Patients.AnyAsync(
            p => p.OrganizationId == options.DefaultOrganizationId && p.Iin == iin, cancellationToken);
        return TypedResults.Ok(new VerifyIinResponse(iin, check.Valid, check.BirthDate, check.Sex, exists, check.Reason));
    }

    /// <summary>A user asking about the IIN already on their own record learns nothing new: no lookup is taken.</summary>
    private static Task<bool> IsTheirIinAsync(long telegramId, string iin, ClinicDbContext db, ClinicApiOptions options, CancellationToken ct) =>
        db.Patients.AnyAsync(p => p.OrganizationId == options.DefaultOrganizationId && p.TelegramId == telegramId && p.Iin == iin, ct);

    private static JsonHttpResult<ApiError> TooManyIinAttempts() => Errors.TooManyRequests(ErrorCodes.TooManyIinAttempts,
        $"Too many IIN lookups for this Telegram user: at most {IinAttempts.PerWindow} per {IinAttempts.Window.TotalMinutes:0} minutes.");

    /// <summary>Read the patient of a Telegram user</summary>
    /// <remarks>The bot asks at the start of a conversation whether this Telegram user is registered, and in what language.</remarks>
    /// <response code="404"><c>patient_not_found</c>: the user has not registered (or deleted the account).</response>
    public static async Task<Results<Ok<PatientDto>, NotFound<ApiError>>> GetByTelegram(
        long telegramId, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().OfTelegramUser(options.DefaultOrganizationId, telegramId)
            .SingleOrDefaultAsync(cancellationToken);
        return patient is null
            ? Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound)
            : TypedResults.Ok(patient.AsDto());
    }
}
