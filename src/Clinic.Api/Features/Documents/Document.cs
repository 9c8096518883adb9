using Clinic.Api.Features.Patients;
using Clinic.Contracts;

namespace Clinic.Api.Features.Documents;

/// <summary>
/// A file the clinic keeps for a patient: a generated certificate or receipt, or a result uploaded by staff.
/// The bytes live in <see cref="IDocumentStorage"/> under <see cref="StorageKey"/>; this row is what the API reasons about.
/// </summary>
public sealed class Document
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    public long PatientId { get; set; }
    public Patient? Patient { get; set; }
    public DocumentKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>Public, unguessable number printed on the document and checked by <c>/verify/{number}</c>.</summary>
    public required string Number { get; set; }
    /// <summary>The issue day in the clinic's zone, as printed.</summary>
    public DateOnly IssueDate { get; set; }
    public required string StorageKey { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public long? AppointmentId { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public DocumentDto AsDto() => new(Id, Kind, Title, Number, IssueDate, ContentType, Size, AppointmentId, Utc.ToOffset(CreatedAtUtc));
}
