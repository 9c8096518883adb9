using Clinic.Api.Data;
using Clinic.Api.Features.Documents;
using Clinic.Api.Features.Documents.Pdf;
using Clinic.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Api.Features.Payments;

/// <summary>A receipt printed but not yet filed: the number and issue day on it, and the PDF.</summary>
public sealed record PrintedReceipt(Language Language, string Number, DateOnly IssueDate, byte[] Pdf);

/// <summary>Prints a paid invoice's receipt in the patient's language.</summary>
public static class Receipts
{
    public const string DefaultTimeZone = "Asia/Almaty";

    /// <param name="invoice">With its patient, and its visit's service and branch when it is for a visit.</param>
    public static async Task<PrintedReceipt> PrintAsync(ClinicDbContext db, ClinicApiOptions options, TimeProvider clock,
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
        return new PrintedReceipt(language, number, issueDate, pdf);
    }

    /// <summary>
    /// When a receipt that could not be filed is tried again: after as long as it had been pending at the last try
    /// (so the waits double), at least one polling period and at most an hour.
    /// </summary>
    public static DateTime NextTryUtc(DateTime paidAtUtc, DateTime lastTryUtc, TimeSpan pollPeriod)
    {
        var wait = lastTryUtc - paidAtUtc;
        if (wait < pollPeriod) wait = pollPeriod;
        if (wait > MaxRetryWait) wait = MaxRetryWait;
        return lastTryUtc + wait;
    }

    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromHours(1);

    /// <summary>What a balance payment is for, as printed on its receipt.</summary>
    private static string BalanceLine(Language language) => language switch
    {
        Language.Kk => "Қабылдаулар бойынша берешекті өтеу",
        Language.En => "Outstanding balance for visits",
        _ => "Погашение задолженности за приёмы",
    };
}
