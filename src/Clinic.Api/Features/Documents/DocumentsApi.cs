using Clinic.Api.Data;
using Clinic.Api.Features.Appointments;
using Clinic.Api.Features.Documents.Pdf;
using Clinic.Api.Features.Patients;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Documents;

/// <summary>The patient's documents through the bot: list, the visits a certificate can rest on, generate, download.</summary>
public static class DocumentsApi
{
    public const int MaxOrganizationLength = 200;
    public const int MaxSportTypeLength = 100;

    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/documents/", GetMine).WithName("GetMyDocuments").WithTags("Documents").ProducesErrors(400);
        group.MapGet("/documents/visits/", GetSupportingVisits).WithName("GetDocumentSupportingVisits").WithTags("Documents");
        group.MapPost("/documents/generate/", Generate).WithName("GenerateDocument").WithTags("Documents");
        group.MapGet("/documents/{id:long}/download/", Download).WithName("DownloadDocument").WithTags("Documents")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesErrors(400);
        return group;
    }

    /// <summary>List a patient's documents</summary>
    /// <remarks>The bot's "My documents": certificates, lab results, visit summaries and receipts, newest first (at most 200).</remarks>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
    public static async Task<Results<Ok<DocumentListResponse>, NotFound<ApiError>>> GetMine(
        [FromQuery(Name = "telegram_id")] long telegramId, ClinicDbContext db, ClinicApiOptions options, CancellationToken cancellationToken)
    {
        var patient = await FindPatientAsync(db, options, telegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);
        var documents = await db.Documents.AsNoTracking().Where(d => d.PatientId == patient.Id)
            .OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DocumentListResponse(documents.Select(d => d.AsDto()).ToList()));
    }

    /// <summary>List the visits a certificate can rest on</summary>
    /// <remarks>
    /// The certificate wizard's visit step: the patient's visits that can back a certificate of <c>kind</c>, latest first
    /// (at most 20). A visit certificate needs a visit the patient came to; a sport certificate a fulfilled consultation
    /// that is recent enough.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c>: <c>kind</c> is not <c>visit_certificate</c> or <c>sport_certificate</c>.</response>
    /// <response code="404"><c>patient_not_found</c>: no patient with this Telegram id.</response>
    public static async Task<Results<Ok<AppointmentListResponse>, BadRequest<ApiError>, NotFound<ApiError>>> GetSupportingVisits(
        [FromQuery(Name = "telegram_id")] long telegramId, [FromQuery(Name = "kind")] string? kind,
        ClinicDbContext db, ClinicApiOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryParseKind(kind, out var parsed) || !SupportingVisits.CanBeRequested(parsed))
            return Errors.Validation("kind", "Must be visit_certificate or sport_certificate.");
        var patient = await FindPatientAsync(db, options, telegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);
        var now = clock.GetUtcNow();
        var visits = await SupportingVisits.Of(db, patient.Id, parsed, now.UtcDateTime).AsNoTracking()
            .OrderByDescending(a => a.StartUtc).Take(20).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AppointmentListResponse(visits.Select(a => a.AsDto(now, options)).ToList()));
    }

    /// <summary>Issue a certificate for a visit</summary>
    /// <remarks>
    /// The certificate wizard's last step: prints a visit or sport certificate as a PDF in the patient's language, with a
    /// QR code to its public check at <c>/verify/{number}</c>, and files it among the patient's documents (201).
    /// </remarks>
    /// <response code="404"><c>patient_not_found</c>, or <c>not_found</c>: no such appointment of this patient.</response>
    /// <response code="409"><c>no_supporting_visit</c> (the visit does not back that certificate) or <c>consent_required</c>.</response>
    public static async Task<Results<Created<DocumentDto>, BadRequest<ApiError>, NotFound<ApiError>, Conflict<ApiError>>> Generate(
        GenerateDocumentRequest request, ClinicDbContext db, IDocumentStorage storage, ClinicApiOptions options, TimeProvider clock,
        ILogger<Document> logger, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.TelegramId <= 0) errors.Add("telegram_id", "Must be a positive Telegram user id.");
        if (!SupportingVisits.CanBeRequested(request.Kind)) errors.Add("kind", "Must be visit_certificate or sport_certificate.");
        if (request.AppointmentId <= 0) errors.Add("appointment_id", "Required.");
        var organization = request.Organization?.Trim();
        if (organization is { Length: > MaxOrganizationLength }) errors.Add("organization", $"At most {MaxOrganizationLength} characters.");
        var sportType = request.SportType?.Trim();
        if (request.Kind == DocumentKind.SportCertificate && (sportType is null || sportType.Length is 0 or > MaxSportTypeLength))
            errors.Add("sport_type", $"Required for a sport certificate, 1 to {MaxSportTypeLength} characters.");
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var patient = await FindPatientAsync(db, options, request.TelegramId, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No patient with this Telegram id.", ErrorCodes.PatientNotFound);
        if (!patient.IsRegistered)
            return Errors.Conflict(ErrorCodes.ConsentRequired, "The patient must give consent, name, phone and IIN first.");
        var now = clock.GetUtcNow();
        var visit = await db.Appointments.AsNoTracking().Include(a => a.Branch).Include(a => a.Service).Include(a => a.Doctor)
            .SingleOrDefaultAsync(a => a.Id == request.AppointmentId && a.PatientId == patient.Id, cancellationToken);
        if (visit is null)
            return Errors.NotFound("No such appointment.");
        if (!await SupportingVisits.Of(db, patient.Id, request.Kind, now.UtcDateTime).AnyAsync(a => a.Id == visit.Id, cancellationToken))
            return Errors.Conflict(ErrorCodes.NoSupportingVisit, request.Kind == DocumentKind.SportCertificate
                ? $"A sport certificate needs a fulfilled doctor's consultation within the last {SupportingVisits.SportExamValidDays} days."
                : "A visit certificate needs a visit the patient came to (arrived or fulfilled).");

        var clinicName = await db.Organizations.Where(o => o.Id == visit.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var branch = visit.Branch!;
        var number = DocumentNumbers.New();
        var issueDate = DocumentStore.Today(clock, branch.TimeZone);
        var kk = patient.Language == Language.Kk;
        var pdf = CertificatePdf.Create(new CertificateContent(
            request.Kind, patient.Language, number, issueDate, clinicName,
            kk ? branch.NameKk : branch.NameRu, branch.Address, branch.Phone,
            patient.FullName!, patient.BirthDate, Utc.ToOffset(visit.StartUtc), branch.TimeZone,
            visit.Doctor!.FullName, kk ? visit.Doctor.SpecialtyKk : visit.Doctor.SpecialtyRu,
            kk ? visit.Service!.NameKk : visit.Service!.NameRu,
            VerifyUrl(options, number), organization is { Length: > 0 } ? organization : null, sportType));
        var document = await DocumentStore.SaveAsync(db, storage, patient.Id, request.Kind, CertificatePdf.Title(request.Kind, patient.Language),
            number, issueDate, pdf, FileSignatures.Pdf.ContentType, clock, visit.Id, cancellationToken);
        logger.LogInformation("Document {DocumentId} ({Kind}) generated for patient {PatientId} from appointment {AppointmentId}",
            document.Id, document.Kind, patient.Id, visit.Id);
        return TypedResults.Created(Routes.DocumentDownload(document.Id), document.AsDto());
    }

    /// <summary>Download one of a patient's documents</summary>
    /// <remarks>
    /// The bot fetches the file to send it in the chat: its bytes with its content type and file name. Only to its
    /// owner: another patient's document is a 404 like a missing one.
    /// </remarks>
    /// <response code="404"><c>not_found</c>: no such document of this patient, or its file is missing.</response>
    public static async Task<Results<FileStreamHttpResult, NotFound<ApiError>>> Download(
        long id, [FromQuery(Name = "telegram_id")] long telegramId, ClinicDbContext db, IDocumentStorage storage,
        ClinicApiOptions options, ILogger<Document> logger, CancellationToken cancellationToken)
    {
        var owner = db.Patients.OfTelegramUser(options.DefaultOrganizationId, telegramId);
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.OrganizationId == options.DefaultOrganizationId &&
                                                                                   owner.Any(p => p.Id == d.PatientId), cancellationToken);
        if (document is null)
            return Errors.NotFound("No such document.");
        var stream = await storage.OpenReadAsync(document.StorageKey, cancellationToken);
        if (stream is null)
        {
            logger.LogError("Document {DocumentId} has no stored file", document.Id);
            return Errors.NotFound("The document's file is missing; please ask the clinic.");
        }
        return TypedResults.File(stream, document.ContentType, DocumentNames.FileName(document));
    }

    /// <summary>Keeps any path prefix of PUBLIC_BASE_URL (a proxy may serve the API under /clinic/).</summary>
    public static Uri VerifyUrl(ClinicApiOptions options, string number) =>
        new(options.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + Routes.VerifyDocument(number));

    /// <summary>"visit_certificate" (the wire form) to the enum; numbers are not kinds.</summary>
    public static bool TryParseKind(string? value, out DocumentKind kind)
    {
        kind = default;
        return value is { Length: > 0 } && !char.IsDigit(value[0]) &&
               Enum.TryParse(value.Replace("_", ""), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    private static Task<Patient?> FindPatientAsync(ClinicDbContext db, ClinicApiOptions options, long telegramId, CancellationToken cancellationToken) =>
        db.Patients.AsNoTracking().OfTelegramUser(options.DefaultOrganizationId, telegramId).SingleOrDefaultAsync(cancellationToken);
}
