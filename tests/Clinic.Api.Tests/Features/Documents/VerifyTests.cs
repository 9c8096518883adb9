using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Clinic.Api.Tests.Infrastructure;
using Clinic.Contracts;

namespace Clinic.Api.Tests.Features.Documents;

/// <summary>The public page a certificate's QR code opens: genuine or not, with initials and nothing more personal.</summary>
public abstract class VerifyTests(ClinicApp app) : DocumentsTestBase(app)
{
    private async Task<DocumentDto> CertificateAsync()
    {
        var patient = await RegisterAsync(name: "Иванова Анна Сергеевна");
        return await GenerateOkAsync(patient.TelegramId, DocumentKind.VisitCertificate, (await VisitAsync(patient, "arrived")).Id);
    }

    private Task<HttpResponseMessage> VerifyAsync(string number, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Routes.VerifyDocument(number));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return App.Anonymous.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task A_real_number_is_genuine_with_kind_issue_date_and_initials_only()
    {
        var document = await CertificateAsync();

        var response = await VerifyAsync(document.Number, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var answer = System.Text.Json.JsonSerializer.Deserialize<DocumentVerificationDto>(body, ClinicJson.Options)!;
        Assert.True(answer.Genuine);
        Assert.Equal(DocumentKind.VisitCertificate, answer.Kind);
        Assert.Equal(document.IssueDate, answer.IssueDate);
        Assert.Equal("И. А. С.", answer.PatientInitials);
        Assert.DoesNotContain("Иванова", body);
        Assert.DoesNotContain("Анна", body);
    }

    [Fact]
    public async Task The_page_a_phone_opens_is_HTML_without_the_full_name()
    {
        var document = await CertificateAsync();

        var response = await VerifyAsync(document.Number.ToLowerInvariant(), "text/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Документ подлинный", html);
        Assert.Contains(document.Number, html);
        Assert.Contains("И. А. С.", html);
        Assert.DoesNotContain("Иванова", html);
    }

    [Theory]
    [InlineData("7KQ4-M2XD-9HTA")]
    [InlineData("not-a-number")]
    [InlineData("<script>alert(1)</script>")]
    public async Task A_made_up_number_is_not_genuine(string number)
    {
        var json = await VerifyAsync(number, "application/json");
        var html = await VerifyAsync(number, "text/html");

        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.False((await json.Content.ReadFromJsonAsync<DocumentVerificationDto>(ClinicJson.Options, Cancel))!.Genuine);
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
        var page = await html.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Документ не найден", page);
        Assert.DoesNotContain("<script>", page);
    }
}

public sealed class VerifyOnSqliteTests(SqliteApp app) : VerifyTests(app), IClassFixture<SqliteApp>;

public sealed class VerifyOnPostgresTests(PostgresApp app) : VerifyTests(app), IClassFixture<PostgresApp>;
