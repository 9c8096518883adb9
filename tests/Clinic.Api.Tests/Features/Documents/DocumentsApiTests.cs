using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Documents;

/// <summary>The bot's document endpoints: generate a certificate from a real visit, list, download only by the owner.</summary>
public abstract class DocumentsApiTests(ClinicApp app) : DocumentsTestBase(app)
{
    [Fact]
    public async Task A_patient_who_came_to_a_visit_gets_a_visit_certificate_pdf_with_their_visit_on_it()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "arrived");

        var document = await GenerateOkAsync(patient.TelegramId, DocumentKind.VisitCertificate, visit.Id, organization: "Школа-гимназия №25");

        Assert.Equal(DocumentKind.VisitCertificate, document.Kind);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(visit.Id, document.AppointmentId);
        var response = await DownloadAsync(document.Id, patient.TelegramId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(document.Size, pdf.Length);
        var text = PdfReading.Text(pdf);
        Assert.Contains("Иванова Анна Сергеевна", text);
        Assert.Contains("Школа-гимназия №25", text);
        Assert.Contains(TimeZoneInfo.ConvertTime(visit.Start, TestClinic.Almaty).ToString("dd.MM.yyyy HH:mm"), text);
        Assert.Contains(document.Number, text);
        Assert.Equal([$"http://localhost:5080/verify/{document.Number}"], PdfReading.QrCodes(pdf));
    }

    [Fact]
    public async Task A_Kazakh_speaking_patient_gets_the_certificate_in_Kazakh()
    {
        var patient = await RegisterAsync(Language.Kk, "Әлиева Ғалия Қайратқызы");
        var visit = await VisitAsync(patient, "arrived");

        var document = await GenerateOkAsync(patient.TelegramId, DocumentKind.VisitCertificate, visit.Id);

        var text = PdfReading.Text(await (await DownloadAsync(document.Id, patient.TelegramId)).Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains("АНЫҚТАМА", text);
        Assert.Contains("Әлиева Ғалия Қайратқызы", text);
        Assert.Contains("Алматы, Абай", text); // the branch's Kazakh name
    }

    [Fact]
    public async Task The_download_names_the_file_safely_in_ASCII_and_in_RFC_5987_form()
    {
        var patient = await RegisterAsync();
        var visit = await VisitAsync(patient, "arrived");
        var document = await GenerateOkAsync(patient.TelegramId, DocumentKind.VisitCertificate, visit.Id);

        var response = await DownloadAsync(document.Id, patient.TelegramId);

        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.All(disposition.FileName!, c => Assert.InRange(c, ' ', '~'));
        Assert.EndsWith($"{document.Number}.pdf", disposition.FileName!.Trim('"'));
        Assert.Equal($"Справка о посещении медицинской организации {document.Number}.pdf", disposition.FileNameStar);
    }

    [Fact]
    public async Task Generation_is_refused_when_the_visit_has_not_happened()
    {
        var patient = await RegisterAsync();
        var booked = await VisitAsync(patient, "booked");

        var response = await GenerateAsync(patient.TelegramId, DocumentKind.VisitCertificate, booked.Id);

        await AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.NoSupportingVisit);
        var list = await Api.GetFromJsonAsync<DocumentListResponse>($"{Routes.Documents}?telegram_id={patient.TelegramId}", ClinicJson.Options, Cancel);
        Assert.Empty(list!.Items);
    }

    [Fact]
    public async Task A_missed_visit_supports_no_certificate()
    {
        var patient = await RegisterAsync();
        var missed = await VisitAsync(patient, "noshow");

        var response = await GenerateAsync(patient.TelegramId, DocumentKind.VisitCertificate, missed.Id);

        await AssertErrorAsync(response, HttpStatusCode.Conflict, ErrorCodes.NoSupportingVisit);
    }

    [Fact]
    public async Task A_sport_certificate_needs_a_fulfilled_consultation_not_just_any_visit()
    {
        var patient = await RegisterAsync();
        var ultrasound = await VisitAsync(patient, "fulfilled", Clinic.UltrasoundId);
        var consultation = await VisitAsync(patient, "fulfilled", await ConsultationServiceAsync());

        var refused = await GenerateAsync(patient.TelegramId, DocumentKind.SportCertificate, ultrasound.Id, sport: "Плавание");
        await AssertErrorAsync(refused, HttpStatusCode.Conflict, ErrorCodes.NoSupportingVisit);

        var visits = await Api.GetFromJsonAsync<AppointmentListResponse>(
            $"{Routes.DocumentVisits}?telegram_id={patient.TelegramId}&kind=sport_certificate", ClinicJson.Options, Cancel);
        Assert.Equal([consultation.Id], visits!.Items.Select(v => v.Id));

        var document = await GenerateOkAsync(patient.TelegramId, DocumentKind.SportCertificate, consultation.Id, sport: "Плавание (бассейн)");
        var text = PdfReading.Text(await (await DownloadAsync(document.Id, patient.TelegramId)).Content.ReadAsByteArrayAsync(Cancel));
        Assert.Contains("о допуске к занятиям спортом", text);
        Assert.Contains("Плавание (бассейн)", text);
    }

    [Fact]
    public async Task A_sport_certificate_without_the_sport_is_a_400()
    {
        var patient = await RegisterAsync();

        var response = await GenerateAsync(patient.TelegramId, DocumentKind.SportCertificate, 1);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("sport_type", error.Errors!.Keys);
    }

    [Theory]
    [InlineData("lab_result")]
    [InlineData("receipt")]
    [InlineData("passport")]
    public async Task Only_certificates_can_be_requested(string kind)
    {
        var patient = await RegisterAsync();

        var response = await Api.PostAsync(Routes.DocumentsGenerate,
            RawJson($$"""{"telegram_id":{{patient.TelegramId}},"kind":"{{kind}}","appointment_id":1}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Another_patients_visit_cannot_back_my_certificate()
    {
        var owner = await RegisterAsync();
        var visit = await VisitAsync(owner, "arrived");
        var stranger = await RegisterAsync(name: "Петров Пётр Петрович");

        var response = await GenerateAsync(stranger.TelegramId, DocumentKind.VisitCertificate, visit.Id);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Another_patients_document_is_404_exactly_like_a_missing_one()
    {
        var owner = await RegisterAsync();
        var document = await GenerateOkAsync(owner.TelegramId, DocumentKind.VisitCertificate, (await VisitAsync(owner, "arrived")).Id);
        var stranger = await RegisterAsync(name: "Петров Пётр Петрович");

        var theirs = await DownloadAsync(document.Id, stranger.TelegramId);
        var missing = await DownloadAsync(document.Id + 1_000_000, stranger.TelegramId);

        await AssertErrorAsync(theirs, HttpStatusCode.NotFound, ErrorCodes.NotFound);
        await AssertErrorAsync(missing, HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.Equal(await missing.Content.ReadAsStringAsync(Cancel), await theirs.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task The_list_shows_the_patients_own_documents_newest_first()
    {
        var patient = await RegisterAsync();
        var first = await GenerateOkAsync(patient.TelegramId, DocumentKind.VisitCertificate, (await VisitAsync(patient, "arrived")).Id);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await GenerateOkAsync(patient.TelegramId, DocumentKind.VisitCertificate, (await VisitAsync(patient, "arrived")).Id);
        var other = await RegisterAsync(name: "Петров Пётр Петрович");
        await GenerateOkAsync(other.TelegramId, DocumentKind.VisitCertificate, (await VisitAsync(other, "arrived")).Id);

        var list = await Api.GetFromJsonAsync<DocumentListResponse>($"{Routes.Documents}?telegram_id={patient.TelegramId}", ClinicJson.Options, Cancel);

        Assert.Equal([second.Id, first.Id], list!.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task An_unknown_patient_has_no_documents()
    {
        var response = await Api.GetAsync($"{Routes.Documents}?telegram_id={NewTelegramId()}", Cancel);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
    }

    [Fact]
    public async Task The_document_endpoints_need_the_bots_secret()
    {
        var response = await App.Anonymous.GetAsync($"{Routes.Documents}?telegram_id=1", Cancel);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }
}

public sealed class DocumentsApiOnSqliteTests(SqliteApp app) : DocumentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class DocumentsApiOnPostgresTests(PostgresApp app) : DocumentsApiTests(app), IClassFixture<PostgresApp>;
