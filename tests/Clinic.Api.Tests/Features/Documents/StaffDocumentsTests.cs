using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Documents;

/// <summary>Staff uploads: PDF, JPEG or PNG by content only, at most 20 MB, behind the staff token.</summary>
public abstract class StaffDocumentsTests(ClinicApp app) : DocumentsTestBase(app)
{
    private static readonly byte[] PdfBytes = "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0];

    private Task<HttpResponseMessage> UploadAsync(long patientId, byte[] content, string fileName, string kind = "lab_result",
        string? title = null, HttpClient? client = null, string claimedType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        if (title is not null)
            form.Add(new StringContent(title), "title");
        return (client ?? App.Staff).PostAsync(Routes.StaffPatientDocuments(patientId), form, Cancel);
    }

    [Theory]
    [InlineData("pdf", "application/pdf")]
    [InlineData("png", "image/png")]
    [InlineData("jpeg", "image/jpeg")]
    public async Task Staff_upload_a_lab_result_and_the_patient_downloads_it(string type, string contentType)
    {
        var patient = await RegisterAsync();
        var bytes = type switch { "pdf" => PdfBytes, "png" => PngBytes, _ => JpegBytes };

        var response = await UploadAsync(patient.Id, bytes, "result." + type, title: "Общий анализ крови");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await ReadAsync<DocumentDto>(response);
        Assert.Equal(DocumentKind.LabResult, document.Kind);
        Assert.Equal(contentType, document.ContentType);
        var list = await Api.GetFromJsonAsync<DocumentListResponse>($"{Routes.Documents}?telegram_id={patient.TelegramId}", ClinicJson.Options, Cancel);
        Assert.Equal("Общий анализ крови", Assert.Single(list!.Items).Title);
        var download = await DownloadAsync(document.Id, patient.TelegramId);
        Assert.Equal(contentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task A_visit_summary_without_a_title_gets_one_in_the_patients_language()
    {
        var patient = await RegisterAsync(Language.Kk);

        var response = await UploadAsync(patient.Id, PdfBytes, "summary.pdf", kind: "visit_summary");

        Assert.Equal("Қабылдау қорытындысы", (await ReadAsync<DocumentDto>(response)).Title);
    }

    [Fact]
    public async Task Text_named_pdf_is_refused_by_its_content()
    {
        var patient = await RegisterAsync();

        var response = await UploadAsync(patient.Id, "just some text, not a PDF"u8.ToArray(), "result.pdf");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.UnsupportedFileType);
    }

    [Fact]
    public async Task The_content_decides_the_type_not_the_name_a_png_named_pdf_is_kept_as_png()
    {
        var patient = await RegisterAsync();

        var response = await UploadAsync(patient.Id, PngBytes, "result.pdf", claimedType: "application/pdf");

        Assert.Equal("image/png", (await ReadAsync<DocumentDto>(response)).ContentType);
    }

    [Fact]
    public async Task A_file_over_20_MB_is_413()
    {
        var patient = await RegisterAsync();
        var big = new byte[20 * 1024 * 1024 + 1];
        PdfBytes.CopyTo(big, 0);

        var response = await UploadAsync(patient.Id, big, "scan.pdf");

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.FileTooLarge);
    }

    [Fact]
    public async Task A_file_of_exactly_20_MB_is_accepted()
    {
        var patient = await RegisterAsync();
        var limit = new byte[20 * 1024 * 1024];
        PdfBytes.CopyTo(limit, 0);

        var response = await UploadAsync(patient.Id, limit, "scan.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("sport_certificate")]
    [InlineData("receipt")]
    [InlineData("")]
    public async Task Staff_upload_only_lab_results_and_visit_summaries(string kind)
    {
        var patient = await RegisterAsync();

        var response = await UploadAsync(patient.Id, PdfBytes, "x.pdf", kind: kind);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        Assert.Contains("kind", error.Errors!.Keys);
    }

    [Fact]
    public async Task An_empty_or_missing_file_is_400()
    {
        var patient = await RegisterAsync();
        var form = new MultipartFormDataContent { { new StringContent("lab_result"), "kind" } };

        var missing = await App.Staff.PostAsync(Routes.StaffPatientDocuments(patient.Id), form, Cancel);
        var empty = await UploadAsync(patient.Id, [], "x.pdf");

        await AssertErrorAsync(missing, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        await AssertErrorAsync(empty, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task A_JSON_body_instead_of_multipart_is_400()
    {
        var patient = await RegisterAsync();

        var response = await App.Staff.PostAsync(Routes.StaffPatientDocuments(patient.Id), RawJson("{}"), Cancel);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
    }

    [Fact]
    public async Task An_unknown_patient_is_404()
    {
        var response = await UploadAsync(987_654_321, PdfBytes, "x.pdf");

        await AssertErrorAsync(response, HttpStatusCode.NotFound, ErrorCodes.PatientNotFound);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ClinicApp.Secret)] // the bot cannot upload as staff
    public async Task Uploading_needs_the_staff_token(string? token)
    {
        var patient = await RegisterAsync();
        var client = App.Anonymous;
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await UploadAsync(patient.Id, PdfBytes, "x.pdf", client: client);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
    }
}

public sealed class StaffDocumentsOnSqliteTests(SqliteApp app) : StaffDocumentsTests(app), IClassFixture<SqliteApp>;

public sealed class StaffDocumentsOnPostgresTests(PostgresApp app) : StaffDocumentsTests(app), IClassFixture<PostgresApp>;
