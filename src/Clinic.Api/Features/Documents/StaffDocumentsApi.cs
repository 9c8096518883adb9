using Clinic.Api.Data;
using Clinic.Api.Features.Documents.Pdf;
using Clinic.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Documents;

/// <summary>
/// Staff side of documents (<c>/api/admin/</c>): the clinic uploads lab results and visit summaries for a patient.
/// Multipart fields: <c>file</c> (PDF, JPEG or PNG by content, at most 20 MB), <c>kind</c> (<c>lab_result</c> or
/// <c>visit_summary</c>), optional <c>title</c> and <c>appointment_id</c>.
/// </summary>
public static class StaffDocumentsApi
{
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    // The multipart envelope around the file (boundaries, the other fields) is small; anything beyond is the file.
    private const long EnvelopeAllowance = 64 * 1024;

    public static RouteGroupBuilder MapStaffDocumentsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/patients/{id:long}/documents", Upload).WithName("StaffUploadDocument").WithTags("Staff")
            .AddOpenApiOperationTransformer(DescribeMultipart).ProducesErrors(413)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxUploadBytes + EnvelopeAllowance));
        return group;
    }

    /// <summary>Upload a lab result or visit summary for a patient</summary>
    /// <remarks>
    /// Staff file a document (multipart: <c>file</c>, <c>kind</c>, optional <c>title</c> and <c>appointment_id</c>); it
    /// appears in the patient's documents in the bot. The file must be a PDF, JPEG or PNG by its content, at most 20 MB.
    /// </remarks>
    /// <response code="400"><c>validation_failed</c> (a missing or wrong field) or <c>unsupported_file_type</c>.</response>
    /// <response code="404"><c>patient_not_found</c>, or <c>not_found</c>: the patient has no such appointment.</response>
    /// <response code="413"><c>file_too_large</c>: the file is over 20 MB.</response>
    public static async Task<Results<Created<DocumentDto>, BadRequest<ApiError>, NotFound<ApiError>, JsonHttpResult<ApiError>>> Upload(
        long id, HttpRequest request, ClinicDbContext db, IDocumentStorage storage, ClinicApiOptions options, TimeProvider clock,
        ILogger<Document> logger, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxUploadBytes + EnvelopeAllowance)
            return TooLarge();
        if (!request.HasFormContentType)
            return Errors.Validation("file", "Send the file as multipart/form-data.");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Errors.Validation("file", "The multipart body could not be read.");
        }

        var errors = new FieldErrors();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            errors.Add("file", "Required, and not empty.");
        else if (file.Length > MaxUploadBytes)
            return TooLarge();
        if (!DocumentsApi.TryParseKind(form["kind"], out var kind) || kind is not (DocumentKind.LabResult or DocumentKind.VisitSummary))
            errors.Add("kind", "Must be lab_result or visit_summary.");
        var title = form["title"].ToString().Trim();
        if (title.Length > 200)
            errors.Add("title", "At most 200 characters.");
        long? appointmentId = null;
        if (form["appointment_id"].ToString() is { Length: > 0 } appointmentText)
        {
            if (long.TryParse(appointmentText, out var parsed) && parsed > 0)
                appointmentId = parsed;
            else
                errors.Add("appointment_id", "Must be an appointment id.");
        }
        if (errors.Any)
            return Errors.Validation(errors.ToDictionary());

        var content = new byte[file!.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, cancellationToken);
        if (FileSignatures.Detect(content) is not { } type)
            return TypedResults.BadRequest(new ApiError(ErrorCodes.UnsupportedFileType, "Only PDF, JPEG and PNG files are accepted (checked by content).",
                new Dictionary<string, string[]> { ["file"] = ["Not a PDF, JPEG or PNG file."] }));

        var patient = await db.Patients.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.OrganizationId == options.DefaultOrganizationId && p.DeletedAtUtc == null, cancellationToken);
        if (patient is null)
            return Errors.NotFound("No such patient.", ErrorCodes.PatientNotFound);
        if (appointmentId is { } visitId && !await db.Appointments.AnyAsync(a => a.Id == visitId && a.PatientId == patient.Id, cancellationToken))
            return Errors.NotFound("The patient has no such appointment.");

        var labels = PdfLabels.For(patient.Language);
        var number = DocumentNumbers.New();
        var document = await DocumentStore.SaveAsync(db, storage, patient.Id, kind,
            title.Length > 0 ? title : kind == DocumentKind.LabResult ? labels.LabResultTitle : labels.VisitSummaryTitle,
            number, DocumentStore.Today(clock, "Asia/Almaty"), content, type.ContentType, clock, appointmentId, cancellationToken);
        logger.LogInformation("Document {DocumentId} ({Kind}, {ContentType}, {Size} bytes) uploaded by staff for patient {PatientId}",
            document.Id, document.Kind, document.ContentType, document.Size, patient.Id);
        return TypedResults.Created(Routes.StaffPatientDocuments(patient.Id), document.AsDto());
    }

    /// <summary>The body is read by hand (to answer 413 and bad multipart in the API's error shape), so OpenAPI is told its fields here.</summary>
    private static Task DescribeMultipart(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file", "kind" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "PDF, JPEG or PNG (by content), at most 20 MB." },
                            ["kind"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "lab_result or visit_summary." },
                            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Optional; a title in the patient's language by default." },
                            ["appointment_id"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "Optional: the visit it belongs to." },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static JsonHttpResult<ApiError> TooLarge() =>
        TypedResults.Json(new ApiError(ErrorCodes.FileTooLarge, $"The file is larger than {MaxUploadBytes / 1024 / 1024} MB."),
            statusCode: StatusCodes.Status413PayloadTooLarge);
}
