using Clinic.Contracts;

namespace Clinic.Api.Features.Documents.Pdf;

/// <summary>A payment receipt as plain values. Money is integer tiyn; <see cref="PaidAt"/> is shown in <see cref="TimeZone"/>.</summary>
public sealed record ReceiptContent(
    Language Language,
    string Number,
    DateOnly IssueDate,
    string ClinicName,
    string? BranchName,
    string PayerName,
    string ServiceName,
    long AmountTiyn,
    DateTimeOffset PaidAt,
    string TimeZone,
    string? KaspiReference,
    Uri VerifyUrl,
    string PaymentMethod = "Kaspi QR");

/// <summary>The receipt the payments feature sends when an invoice is paid (store it with <see cref="DocumentStore"/>).</summary>
public static class ReceiptPdf
{
    public static string Title(Language language) => PdfLabels.For(language).ReceiptTitle;

    public static byte[] Create(ReceiptContent r)
    {
        if (r.AmountTiyn <= 0)
            throw new ArgumentOutOfRangeException(nameof(r), "A receipt is for a positive amount.");
        var l = PdfLabels.For(r.Language);
        var pdf = new ClinicPdf(Title(r.Language))
            .Text(r.ClinicName, 14, 2);
        if (r.BranchName is not null)
            pdf.Text($"{l.Branch}: {r.BranchName}", 10, 0);
        return pdf
            .Rule(16)
            .Centered(l.ReceiptTitle, 16, 2)
            .Centered($"№ {r.Number}", 12, 14)
            .Field(l.Payer, r.PayerName)
            .Field(l.Service, r.ServiceName)
            .Field(l.Amount, PdfFormat.Tenge(r.AmountTiyn))
            .Field(l.PaidAt, PdfFormat.DateTime(r.PaidAt, r.TimeZone))
            .Field(l.PaymentMethod, r.PaymentMethod)
            .Field(l.KaspiReference, r.KaspiReference ?? l.NotGiven)
            .Field(l.IssueDate, PdfFormat.Date(r.IssueDate))
            .Qr(r.VerifyUrl.AbsoluteUri, l.Verify)
            .Text(l.Electronic, 9)
            .Build();
    }
}
