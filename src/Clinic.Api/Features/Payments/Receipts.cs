using Clinic.Api.Data;
using Clinic.Api.Features.Documents;
using Clinic.Api.Features.Documents.Pdf;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>Prints a paid invoice's receipt in the patient's language and files it among the patient's documents.</summary>
public static class Receipts
{
    public const string DefaultTimeZone = "Asia/Almaty";

    public static async Task<Document> FileAsync(ClinicDbContext db, IDocumentStorage storage, ClinicApiOptions options, TimeProvider clock,
        Invoice invoice, CancellationToken cancellationToken)
    {
        var patient = invoice.Patient!;
        var language = patient.Language;
        var clinicName = await db.Organizations.Where(o => o.Id == invoice.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var branch = invoice.Appointment?.Branch
                     ?? await db.Branches.Where(b => b.OrganizationId == invoice.OrganizationId).OrderBy(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        var timeZone = branch?.TimeZone ?? DefaultTimeZone;
        var service = invoice.Appointment?.Service;
        var number = DocumentNumbers.New();
        var issueDate = DocumentStore.Today(clock, timeZone);
        var pdf = ReceiptPdf.Create(new ReceiptContent(
            language, number, issueDate, clinicName,
            invoice.Appointment?.Branch is { } visitBranch ? (language == Language.Kk ? visitBranch.NameKk : visitBranch.NameRu) : null,
            patient.FullName ?? "—",
            service is null ? BalanceLine(language) : language == Language.Kk ? service.NameKk : service.NameRu,
            invoice.AmountTiyn, Utc.ToOffset(invoice.PaidAtUtc ?? clock.GetUtcNow().UtcDateTime), timeZone,
            invoice.Provider == "kaspi" ? invoice.ProviderPaymentId : null,
            DocumentsApi.VerifyUrl(options, number),
            invoice.Provider == "kaspi" ? "Kaspi QR" : "Kaspi QR (sandbox)"));
        return await DocumentStore.SaveAsync(db, storage, invoice.PatientId, DocumentKind.Receipt, ReceiptPdf.Title(language), number,
            issueDate, pdf, FileSignatures.Pdf.ContentType, clock, invoice.AppointmentId, cancellationToken);
    }

    /// <summary>What a balance payment is for, as printed on its receipt.</summary>
    private static string BalanceLine(Language language) => language switch
    {
        Language.Kk => "Қабылдаулар бойынша берешекті өтеу",
        Language.En => "Outstanding balance for visits",
        _ => "Погашение задолженности за приёмы",
    };
}
