using System.Net;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Documents;

/// <summary>
/// Names and organizations in scripts the document font (DejaVu Sans) cannot draw: the certificate is still issued,
/// each such character printed as a visible "�", and everything else on it as usual.
/// </summary>
public sealed class UnprintableCharactersTests(SqliteApp app) : DocumentsTestBase(app), IClassFixture<SqliteApp>
{
    private const char Missing = '\uFFFD';

    [Fact]
    public async Task A_patient_named_in_Chinese_gets_a_certificate_with_the_name_marked_as_unprintable()
    {
        var patient = await RegisterAsync(name: "王 小明");
        var visit = await VisitAsync(patient, "arrived");

        var text = await CertificateTextAsync(patient, visit, organization: "Школа №25");

        Assert.Contains($"Пациент: {Missing} {Missing}{Missing}", text);
        Assert.Contains("Школа №25", text);
    }

    [Fact]
    public async Task An_organization_with_an_emoji_prints_the_emoji_as_one_mark_and_keeps_the_rest()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "arrived");

        var text = await CertificateTextAsync(patient, visit, organization: "Школа 🏫 №5 👍🏽");

        Assert.Contains($"Школа {Missing} №5 {Missing}{Missing}", text);
        Assert.Contains("Иванова Анна Сергеевна", text);
    }

    [Fact]
    public async Task A_patient_named_in_Devanagari_gets_a_certificate()
    {
        var name = "अनीता शर्मा";
        var patient = await RegisterAsync(Language.En, name);
        var visit = await VisitAsync(patient, "arrived");

        var text = await CertificateTextAsync(patient, visit);

        var marks = string.Join(" ", name.Split(' ').Select(word => new string(Missing, word.EnumerateRunes().Count())));
        Assert.Contains($"Patient: {marks}", text);
        Assert.Contains("CERTIFICATE", text);
    }

    [Fact]
    public async Task An_organization_in_more_distinct_letters_than_one_embedded_font_can_map_still_prints()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "arrived");
        var greek = new string(Enumerable.Range(0x3B1, 25).Select(c => (char)c).ToArray());
        var armenian = new string(Enumerable.Range(0x561, 38).Select(c => (char)c).ToArray());
        var georgian = new string(Enumerable.Range(0x10D0, 33).Select(c => (char)c).ToArray());
        var hebrew = new string(Enumerable.Range(0x5D0, 27).Select(c => (char)c).ToArray());
        var latin = new string(Enumerable.Range(0x100, 60).Select(c => (char)c).ToArray());
        // 183 letters of their own, with the ~150 distinct characters of the certificate's text: over PdfPig's 256.
        var organization = $"{greek} {armenian} {georgian} {hebrew} {latin}";

        var text = await CertificateTextAsync(patient, visit, organization);

        Assert.Contains(greek, text);
        Assert.Contains(georgian, text);
        Assert.Contains("Иванова Анна Сергеевна", text);
    }

    /// <summary>Generates the certificate (201), downloads it (200, a PDF) and reads its text as a viewer would.</summary>
    private async Task<string> CertificateTextAsync(PatientDto patient, AppointmentDto visit, string? organization = null)
    {
        var document = await GenerateOkAsync(patient.TelegramId, DocumentKind.VisitCertificate, visit.Id, organization);
        var response = await DownloadAsync(document.Id, patient.TelegramId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal([$"http://localhost:5080/verify/{document.Number}"], PdfReading.QrCodes(pdf));
        return PdfReading.Text(pdf);
    }
}
