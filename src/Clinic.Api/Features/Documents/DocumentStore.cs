using Clinic.Api.Data;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Documents;

/// <summary>
/// Files a document for a patient: the bytes into <see cref="IDocumentStorage"/>, then its row. Every producer of
/// documents (certificates, staff uploads, payment receipts) goes through here.
/// </summary>
public static class DocumentStore
{
    /// <param name="number">The number already printed on the document (<see cref="DocumentNumbers.New"/>).</param>
    /// <param name="issueDate">The issue day as printed, in the clinic's zone.</param>
    public static async Task<Document> SaveAsync(
        ClinicDbContext db, IDocumentStorage storage, long patientId, DocumentKind kind, string title, string number,
        DateOnly issueDate, byte[] content, string contentType, TimeProvider clock, long? appointmentId = null,
        CancellationToken cancellationToken = default)
    {
        var organizationId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.OrganizationId).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // Random and per patient: a key says nothing about the document and never collides with another.
        var key = $"{patientId}/{now:yyyy}/{Guid.NewGuid():N}{FileSignatures.ExtensionOf(contentType)}";
        await storage.SaveAsync(key, content, cancellationToken);

        var document = new Document
        {
            OrganizationId = organizationId, PatientId = patientId, Kind = kind, Title = title, Number = number,
            IssueDate = issueDate, StorageKey = key, ContentType = contentType, Size = content.LongLength,
            AppointmentId = appointmentId, CreatedAtUtc = now,
        };
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row, no file: an orphan would never be reachable or cleaned up.
            await storage.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return document;
    }

    /// <summary>Today in the zone of the branch that issues the document.</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
}
