namespace Clinic.Contracts;

/// <summary>
/// What a document is. Patients request the two certificates; staff upload lab results and visit summaries;
/// payments issue receipts.
/// </summary>
public enum DocumentKind { VisitCertificate, SportCertificate, LabResult, VisitSummary, Receipt }

public sealed record DocumentDto(
    long Id,
    DocumentKind Kind,
    string Title,
    string Number,
    DateOnly IssueDate,
    string ContentType,
    long Size,
    long? AppointmentId,
    DateTimeOffset CreatedAt);

/// <summary>The patient's documents, newest first.</summary>
public sealed record DocumentListResponse(IReadOnlyList<DocumentDto> Items);

/// <summary>
/// Asks for a certificate as a PDF in the patient's language. <see cref="AppointmentId"/> is the visit it is based on
/// (one of <c>GET /api/bot/documents/visits/?kind=</c>). A visit certificate may name the organisation it is for
/// (work, school); a sport certificate names the sport or the swimming pool.
/// </summary>
public sealed record GenerateDocumentRequest(
    long TelegramId,
    DocumentKind Kind,
    long AppointmentId,
    string? Organization = null,
    string? SportType = null);

/// <summary>
/// The public answer of <c>GET /verify/{number}</c>: whether the clinic issued this number, and no personal
/// data beyond the patient's initials.
/// </summary>
public sealed record DocumentVerificationDto(
    bool Genuine,
    string Number,
    DocumentKind? Kind = null,
    DateOnly? IssueDate = null,
    string? PatientInitials = null);
