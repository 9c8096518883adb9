using Clinic.Api.Features.Documents;
using Clinic.Api.Features.Documents.Pdf;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Documents;

/// <summary>The printed documents themselves: what a reader extracts from the PDF, in each language, and the QR code.</summary>
public sealed class DocumentPdfTests
{
    private const string KazakhLetters = "Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і";
    private static readonly Uri Verify = new("https://clinic.example.kz/verify/7KQ4-M2XD-9HTA");

    private static CertificateContent Certificate(DocumentKind kind, Language language, string patient = "Иванова Анна Сергеевна",
        string? organization = null, string? sport = null) => new(
        kind, language, "7KQ4-M2XD-9HTA", new DateOnly(2026, 6, 2), "Демо Клиника",
        language == Language.Kk ? "Абай даңғылындағы клиника" : "Клиника на Абая", "г. Алматы, пр. Абая, 150", "+77272500150",
        patient, new DateOnly(1990, 1, 1),
        new DateTimeOffset(2026, 6, 1, 5, 30, 0, TimeSpan.Zero), "Asia/Almaty", // 10:30 in Almaty (UTC+5)
        "Ахметова Айгүл Серікқызы", language == Language.Kk ? "Терапевт" : "Терапевт",
        language == Language.Kk ? "Терапевт қабылдауы" : "Приём терапевта", Verify, organization, sport);

    [Fact]
    public void A_Russian_visit_certificate_carries_clinic_patient_visit_doctor_issue_date_and_number()
    {
        var text = PdfReading.Text(CertificatePdf.Create(Certificate(DocumentKind.VisitCertificate, Language.Ru, organization: "ТОО «Ромашка»")));

        Assert.Contains("Демо Клиника", text);
        Assert.Contains("Клиника на Абая", text);
        Assert.Contains("СПРАВКА", text);
        Assert.Contains("о посещении медицинской организации", text);
        Assert.Contains("Иванова Анна Сергеевна", text);
        Assert.Contains("Дата рождения: 01.01.1990", text);
        Assert.Contains("01.06.2026 10:30", text); // the visit in the branch's zone, not UTC
        Assert.Contains("Ахметова Айгүл Серікқызы, Терапевт", text);
        Assert.Contains("Приём терапевта", text);
        Assert.Contains("ТОО «Ромашка»", text);
        Assert.Contains("Дата выдачи: 02.06.2026", text);
        Assert.Contains("№ 7KQ4-M2XD-9HTA", text);
    }

    [Fact]
    public void A_Kazakh_certificate_is_in_Kazakh_and_renders_every_Kazakh_letter()
    {
        var pdf = CertificatePdf.Create(Certificate(DocumentKind.VisitCertificate, Language.Kk,
            patient: "Әлиева Ғалия Қайратқызы", organization: KazakhLetters));

        var text = PdfReading.Text(pdf);

        Assert.Contains("АНЫҚТАМА", text);
        Assert.Contains("медициналық ұйымға келгені туралы", text);
        Assert.Contains("Науқас: Әлиева Ғалия Қайратқызы", text);
        Assert.Contains("Туған күні: 01.01.1990", text);
        Assert.Contains("Дәрігер: Ахметова Айгүл Серікқызы", text);
        Assert.Contains("Терапевт қабылдауы", text);
        Assert.Contains("Абай даңғылындағы клиника", text);
        Assert.Contains("Берілген күні: 02.06.2026", text);
        Assert.Contains(KazakhLetters, text);
        Assert.DoesNotContain("Дата рождения", text);
    }

    [Fact]
    public void A_sport_certificate_names_the_sport_and_says_no_contraindications_were_found()
    {
        var text = PdfReading.Text(CertificatePdf.Create(Certificate(DocumentKind.SportCertificate, Language.Ru, sport: "Плавание (бассейн)")));

        Assert.Contains("о допуске к занятиям спортом", text);
        Assert.Contains("Плавание (бассейн)", text);
        Assert.Contains("противопоказаний к занятиям указанным видом спорта не выявлено", text);
    }

    [Fact]
    public void An_English_certificate_is_in_English()
    {
        var text = PdfReading.Text(CertificatePdf.Create(Certificate(DocumentKind.VisitCertificate, Language.En, patient: "John Smith")));

        Assert.Contains("CERTIFICATE", text);
        Assert.Contains("Patient: John Smith", text);
        Assert.Contains("Date of birth: 01.01.1990", text);
    }

    [Fact]
    public void The_QR_code_on_a_certificate_decodes_to_its_verify_url()
    {
        var pdf = CertificatePdf.Create(Certificate(DocumentKind.VisitCertificate, Language.Ru));

        Assert.Equal([Verify.AbsoluteUri], PdfReading.QrCodes(pdf));
        Assert.Contains(Verify.AbsoluteUri, PdfReading.Text(pdf));
    }

    [Theory]
    [InlineData(Language.Ru, "КВИТАНЦИЯ ОБ ОПЛАТЕ", "Сумма: 9 000,50 ₸")]
    [InlineData(Language.Kk, "ТӨЛЕМ ТУРАЛЫ ТҮБІРТЕК", "Сомасы: 9 000,50 ₸")]
    public void A_receipt_prints_amount_in_tenge_from_tiyn_payer_service_and_Kaspi_reference(Language language, string title, string amount)
    {
        var pdf = ReceiptPdf.Create(new ReceiptContent(language, "R2D2-C3P0-ABCD", new DateOnly(2026, 6, 1), "Демо Клиника", "Клиника на Абая",
            "Иванова Анна Сергеевна", "Приём терапевта", 900_050, new DateTimeOffset(2026, 6, 1, 4, 15, 0, TimeSpan.Zero), "Asia/Almaty",
            "KSP-123456789", Verify));

        var text = PdfReading.Text(pdf);

        Assert.Contains(title, text);
        Assert.Contains(amount, text);
        Assert.Contains("Иванова Анна Сергеевна", text);
        Assert.Contains("Приём терапевта", text);
        Assert.Contains("01.06.2026 09:15", text);
        Assert.Contains("KSP-123456789", text);
        Assert.Equal([Verify.AbsoluteUri], PdfReading.QrCodes(pdf));
    }

    [Fact]
    public void A_receipt_for_nothing_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReceiptPdf.Create(new ReceiptContent(Language.Ru, "X", default, "C", null, "P", "S", 0,
            default, "Asia/Almaty", null, Verify)));

    [Fact]
    public void A_long_organisation_name_wraps_instead_of_running_off_the_page()
    {
        var organization = string.Join(" ", Enumerable.Repeat("Государственное коммунальное предприятие", 4));

        var text = PdfReading.Text(CertificatePdf.Create(Certificate(DocumentKind.VisitCertificate, Language.Ru, organization: organization)));

        Assert.Contains(organization, text);
    }

    [Fact]
    public void Document_numbers_are_random_and_read_back_whatever_the_case()
    {
        var numbers = Enumerable.Range(0, 1000).Select(_ => DocumentNumbers.New()).ToHashSet();

        Assert.Equal(1000, numbers.Count);
        var one = numbers.First();
        Assert.Equal(one, DocumentNumbers.Normalize(" " + one.ToLowerInvariant() + " "));
        Assert.Null(DocumentNumbers.Normalize("0000-0000-0000")); // 0 is not in the alphabet
        Assert.Null(DocumentNumbers.Normalize("../etc/passwd"));
    }
}
