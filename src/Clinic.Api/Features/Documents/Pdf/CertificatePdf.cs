using Clinic.Contracts;

namespace Clinic.Api.Features.Documents.Pdf;

/// <summary>Everything printed on a certificate, as plain values: no database types, so any feature or tool can print one.</summary>
public sealed record CertificateContent(
    DocumentKind Kind,
    Language Language,
    string Number,
    DateOnly IssueDate,
    string ClinicName,
    string BranchName,
    string BranchAddress,
    string BranchPhone,
    string PatientName,
    DateOnly? BirthDate,
    DateTimeOffset VisitStart,
    string TimeZone,
    string DoctorName,
    string DoctorSpecialty,
    string ServiceName,
    Uri VerifyUrl,
    string? Organization = null,
    string? SportType = null);

/// <summary>The visit certificate (for work or school) and the certificate of fitness for sport or a swimming pool.</summary>
public static class CertificatePdf
{
    public static string Title(DocumentKind kind, Language language)
    {
        var labels = PdfLabels.For(language);
        return kind switch
        {
            DocumentKind.SportCertificate => $"{Capitalized(labels.SportTitle)} {labels.SportSubtitle}",
            _ => $"{Capitalized(labels.VisitTitle)} {labels.VisitSubtitle}",
        };
    }

    public static byte[] Create(CertificateContent c)
    {
        if (c.Kind is not (DocumentKind.VisitCertificate or DocumentKind.SportCertificate))
            throw new ArgumentException($"{c.Kind} is not a certificate.", nameof(c));
        var l = PdfLabels.For(c.Language);
        var sport = c.Kind == DocumentKind.SportCertificate;
        var pdf = new ClinicPdf(Title(c.Kind, c.Language))
            .Text(c.ClinicName, 14, 2)
            .Text($"{l.Branch}: {c.BranchName}", 10, 0)
            .Text($"{l.Address}: {c.BranchAddress} · {l.Phone}: {c.BranchPhone}", 10, 0)
            .Rule(16)
            .Centered(sport ? l.SportTitle : l.VisitTitle, 18, 0)
            .Centered(sport ? l.SportSubtitle : l.VisitSubtitle, 12, 2)
            .Centered($"№ {c.Number}", 12, 14)
            .Field(l.Patient, c.PatientName)
            .Field(l.BirthDate, c.BirthDate is { } birth ? PdfFormat.Date(birth) : l.NotGiven)
            .Field(l.VisitTime, PdfFormat.DateTime(c.VisitStart, c.TimeZone))
            .Field(l.Doctor, $"{c.DoctorName}, {c.DoctorSpecialty}")
            .Field(l.Service, c.ServiceName);
        if (sport)
            pdf.Field(l.SportType, c.SportType ?? l.NotGiven);
        else if (!string.IsNullOrWhiteSpace(c.Organization))
            pdf.Field(l.PresentedTo, c.Organization);
        return pdf
            .Space(8)
            .Text(sport ? l.SportStatement : l.VisitStatement, 11, 10)
            .Field(l.IssueDate, PdfFormat.Date(c.IssueDate))
            .Field(l.Number, c.Number)
            .Qr(c.VerifyUrl.AbsoluteUri, l.Verify)
            .Text(l.Electronic, 9)
            .Build();
    }

    private static string Capitalized(string upper) => upper[..1] + upper[1..].ToLowerInvariant();
}
